import type { BoardRecord } from '../boardRecords'
import { type DrawProblem, problem } from './drawProblem'
import { isPlainObject } from './richTextRules'
import { SHAPE_CHECKS, shapeBaseProblem } from './shapeBounds'

export { type DrawProblem, type DrawProblemCode, describeProblem } from './drawProblem'

/**
 * Whether the editor can draw a record as it stands: one rule for the server (a meeting stores
 * nothing else), for the client before it sends, and for the client's binding, which draws a
 * placeholder for whatever fails it (old data, another version, storage written directly).
 * Pure and tldraw-free; tldraw's own validators run beside it (server/src/meetings/recordValidation.ts,
 * and the client's store), this adds what they let through: the editor's text schema
 * (richTextRules.ts) and bounds on every number (shapeBounds.ts).
 */

/** Record kinds a board document holds (session and presence records stay out of it). */
export const BOARD_RECORD_TYPES: ReadonlySet<string> = new Set([
  'document',
  'page',
  'shape',
  'binding',
  'asset',
  'user',
])

/** Every shape type tldraw's default tools make: what a browser can draw on any board. */
export const DRAWABLE_SHAPE_TYPES: ReadonlySet<string> = new Set(Object.keys(SHAPE_CHECKS))

/**
 * The shapes a meeting uses: notes, text, geo, drawing, highlighter, lines, arrows, frames (the
 * zones among them), groups, pasted pictures and video. Not embeds and bookmarks: those make every
 * browser in the meeting load a page from another website, which a confidential group does not want.
 */
export const MEETING_SHAPE_TYPES: ReadonlySet<string> = new Set([
  'note',
  'text',
  'geo',
  'draw',
  'highlight',
  'line',
  'arrow',
  'frame',
  'group',
  'image',
  'video',
])

export interface DrawOptions {
  /** Shape types accepted (default: all drawable ones). */
  shapeTypes?: ReadonlySet<string>
}

/** The first thing about `record` the editor could not draw, or null when it can. */
export function drawProblem(record: unknown, options: DrawOptions = {}): DrawProblem | null {
  if (!isPlainObject(record) || typeof record.id !== 'string' || typeof record.typeName !== 'string')
    return problem('badField', 'record')
  if (!BOARD_RECORD_TYPES.has(record.typeName)) return problem('recordType', 'typeName')
  const board = record as BoardRecord
  switch (board.typeName) {
    case 'shape':
      return shapeProblem(board, options.shapeTypes ?? DRAWABLE_SHAPE_TYPES)
    case 'binding':
      return bindingProblem(board)
    case 'asset':
      return assetProblem(board)
    case 'document':
      return numberField(board.gridSize, 'gridSize', 1, 1000)
    default:
      return null
  }
}

function shapeProblem(record: BoardRecord, types: ReadonlySet<string>): DrawProblem | null {
  const type = record.type
  if (typeof type !== 'string' || !types.has(type) || !Object.hasOwn(SHAPE_CHECKS, type))
    return problem('shapeType', 'type')
  return shapeBaseProblem(record) ?? SHAPE_CHECKS[type]!(record.props as Record<string, unknown>)
}

/** Arrow bindings: where on the target the arrow ends, as a fraction of its box. */
function bindingProblem(record: BoardRecord): DrawProblem | null {
  if (record.type !== 'arrow') return problem('recordType', 'type')
  const props = record.props
  if (!isPlainObject(props)) return problem('badField', 'props')
  const anchor = props.normalizedAnchor
  if (!isPlainObject(anchor)) return problem('badField', 'props.normalizedAnchor')
  return (
    numberField(anchor.x, 'props.normalizedAnchor.x', -100, 100) ??
    numberField(anchor.y, 'props.normalizedAnchor.y', -100, 100)
  )
}

/** Assets: every number (width, height, file size) an ordinary one. */
function assetProblem(record: BoardRecord): DrawProblem | null {
  const props = record.props
  if (!isPlainObject(props)) return problem('badField', 'props')
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'number') {
      const found = numberField(value, `props.${key}`, 0, 1e12)
      if (found) return found
    }
  }
  return null
}

function numberField(value: unknown, where: string, min: number, max: number): DrawProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem('notANumber', where)
  return value < min || value > max ? problem('outOfBounds', where) : null
}
