import type { BoardRecord } from './boardRecords'

/**
 * Where a shape is drawn, from plain record JSON (no tldraw import: the server runs this on
 * records a client sent). tldraw keeps a child's x, y and rotation in its parent's space, so a
 * shape's page position is its own transform composed with every ancestor's (groups, frames,
 * zone frames included), up to the page.
 *
 * Approximations, the same on client and server:
 * - note: 200 wide and 200 + growY high, times props.scale (tldraw v5 NoteShapeUtil).
 * - geo: props.w by props.h + growY; frame, image, video, embed, bookmark: props.w by props.h.
 * - text: props.w (times scale) by one line of its size; tldraw measures the real height in the
 *   browser, which a server cannot.
 * - group: the box around its children's boxes, each child's box turned by its own rotation.
 *   tldraw unions the children's outlines, so for rotated children the box (and its centre) may
 *   be slightly larger than tldraw's.
 * - anything else (draw, line, arrow, highlight): its origin point.
 * The centre of a shape's page-space box is its own box centre carried through the transforms:
 * rotation and translation keep a rectangle's centre the centre of the box around it.
 *
 * The input is hostile: nothing here recurses. Parent chains and group subtrees are walked with
 * explicit stacks under hard bounds, and any chain that does not end at a page is a problem the
 * rules refuse, never "the free area".
 */

/** At most this many groups/frames above a shape (and below a group). */
export const MAX_PARENT_DEPTH = 32
/** At most this many shapes inside one group or frame, all levels counted. */
export const MAX_CONTAINED_SHAPES = 1000

/** The board as the geometry needs it: records by id, and the shapes directly under a parent. */
export interface ShapeWorld {
  get(id: string): BoardRecord | undefined
  /** Shapes whose parentId is `parentId` (may be a superset: it is filtered here). */
  children(parentId: string): Iterable<BoardRecord>
}

/** Why a shape's place cannot be known; the rules refuse the change. */
export type PlacementProblem =
  | 'missingParent' // parent id names nothing
  | 'badParent' // parent is not the page, a group or a frame
  | 'cycle' // the shape is its own ancestor
  | 'tooDeep' // more than MAX_PARENT_DEPTH containers
  | 'tooManyShapes' // a group or frame holding more than MAX_CONTAINED_SHAPES
  | 'badNumber' // a position, angle or size that is not a finite number

export type Placed<T> = { ok: true; value: T } | { ok: false; problem: PlacementProblem }

interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}
interface Transform {
  x: number
  y: number
  rotation: number
}

/** Shape types that may hold other shapes, as in tldraw's default shapes. */
export function isContainer(record: BoardRecord): boolean {
  return record.typeName === 'shape' && (record.type === 'group' || record.type === 'frame')
}

/** The page-space centre of a shape's bounds, or why it cannot be placed. */
export function shapePageCentre(record: BoardRecord, world: ShapeWorld): Placed<{ x: number; y: number }> {
  const ancestors = ancestorsOf(record, world)
  if (!ancestors.ok) return ancestors
  const box = record.type === 'group' ? groupBox(record, world) : ownBox(record)
  if (!box.ok) return box
  let x = (box.value.minX + box.value.maxX) / 2
  let y = (box.value.minY + box.value.maxY) / 2
  for (const shape of [record, ...ancestors.value]) {
    const t = localTransform(shape)
    if (!t) return fail('badNumber')
    ;[x, y] = apply(t, x, y)
  }
  if (!Number.isFinite(x) || !Number.isFinite(y)) return fail('badNumber')
  return { ok: true, value: { x, y } }
}

/** The containers above a shape, nearest first, up to (not including) its page. */
export function ancestorsOf(record: BoardRecord, world: ShapeWorld): Placed<BoardRecord[]> {
  const chain: BoardRecord[] = []
  const seen = new Set<string>([record.id])
  let parentId: unknown = record.parentId
  for (;;) {
    if (typeof parentId !== 'string') return fail('missingParent')
    const parent = world.get(parentId)
    if (!parent) return fail('missingParent')
    if (parent.id !== parentId) return fail('badParent')
    if (parent.typeName === 'page') return { ok: true, value: chain }
    if (!isContainer(parent)) return fail('badParent')
    if (seen.has(parentId)) return fail('cycle')
    if (chain.length >= MAX_PARENT_DEPTH) return fail('tooDeep')
    seen.add(parentId)
    chain.push(parent)
    parentId = parent.parentId
  }
}

/** Every shape below a container, breadth first, bounded in depth and count. */
export function descendantsOf(record: BoardRecord, world: ShapeWorld): Placed<BoardRecord[]> {
  const found: BoardRecord[] = []
  const seen = new Set<string>([record.id])
  let level: BoardRecord[] = [record]
  for (let depth = 0; level.length > 0; depth++) {
    const nextLevel: BoardRecord[] = []
    for (const parent of level) {
      const kids = childrenOf(parent, world, seen, MAX_CONTAINED_SHAPES - found.length)
      if (!kids.ok) return kids
      // A shape this far down has more containers above it than any shape may have.
      if (kids.value.length > 0 && depth + 1 > MAX_PARENT_DEPTH) return fail('tooDeep')
      for (const kid of kids.value) {
        found.push(kid)
        if (isContainer(kid)) nextLevel.push(kid)
      }
    }
    level = nextLevel
  }
  return { ok: true, value: found }
}

/** A group's box in its own space: its children's boxes joined, walked bottom-up with a stack. */
function groupBox(group: BoardRecord, world: ShapeWorld): Placed<Box> {
  interface Frame {
    shape: BoardRecord
    kids: BoardRecord[]
    next: number
    box: Box | null
  }
  const seen = new Set<string>([group.id])
  let budget = MAX_CONTAINED_SHAPES
  const open = (shape: BoardRecord): Placed<Frame> => {
    const kids = childrenOf(shape, world, seen, budget)
    if (!kids.ok) return kids
    budget -= kids.value.length
    return { ok: true, value: { shape, kids: kids.value, next: 0, box: null } }
  }
  const root = open(group)
  if (!root.ok) return root
  const stack: Frame[] = [root.value]
  for (;;) {
    const top = stack[stack.length - 1]!
    const kid = top.kids[top.next++]
    if (kid?.type === 'group') {
      if (stack.length >= MAX_PARENT_DEPTH) return fail('tooDeep')
      const frame = open(kid)
      if (!frame.ok) return frame
      stack.push(frame.value)
      continue
    }
    const closing = kid === undefined
    // A closed group's box is measured like any child; an empty group is its origin point.
    const box = closing ? { ok: true as const, value: top.box ?? POINT } : ownBox(kid)
    if (!box.ok) return box
    if (closing) stack.pop()
    const holder = closing ? stack[stack.length - 1] : top
    if (!holder) return box
    const t = localTransform(closing ? top.shape : kid)
    if (!t) return fail('badNumber')
    holder.box = join(holder.box, turnBox(box.value, t))
  }
}

/** The shapes directly under `parent`, unseen ones only, at most `limit` of them. */
function childrenOf(
  parent: BoardRecord,
  world: ShapeWorld,
  seen: Set<string>,
  limit: number,
): Placed<BoardRecord[]> {
  const kids: BoardRecord[] = []
  for (const kid of world.children(parent.id)) {
    if (kid.typeName !== 'shape' || kid.parentId !== parent.id || seen.has(kid.id)) continue
    if (kids.length >= limit) return fail('tooManyShapes')
    seen.add(kid.id)
    kids.push(kid)
  }
  return { ok: true, value: kids }
}

const POINT: Box = { minX: 0, minY: 0, maxX: 0, maxY: 0 }
const NOTE_SIZE = 200
/** One line of text per size: tldraw's 16 px base times the size's factor, line height 1.35. */
const TEXT_LINE: Record<string, number> = { s: 24.3, m: 32.4, l: 48.6, xl: 59.4 }

/** A shape's own box in its own space (groups aside). */
function ownBox(record: BoardRecord): Placed<Box> {
  const props = record.props ?? {}
  const size = (w: number | null, h: number | null): Placed<Box> =>
    w === null || h === null ? fail('badNumber') : { ok: true, value: { minX: 0, minY: 0, maxX: w, maxY: h } }
  const scale = num(props.scale, 1)
  switch (record.type) {
    case 'note': {
      const growY = num(props.growY, 0)
      return scale === null || growY === null
        ? fail('badNumber')
        : size(NOTE_SIZE * scale, (NOTE_SIZE + growY) * scale)
    }
    case 'geo': {
      const h = num(props.h, 0)
      const growY = num(props.growY, 0)
      return size(num(props.w, 0), h === null || growY === null ? null : h + growY)
    }
    case 'text': {
      const w = num(props.w, 0)
      const line = TEXT_LINE[String(props.size)] ?? TEXT_LINE.m!
      return scale === null || w === null ? fail('badNumber') : size(w * scale, line * scale)
    }
    case 'frame':
    case 'image':
    case 'video':
    case 'embed':
    case 'bookmark':
      return size(num(props.w, 0), num(props.h, 0))
    default:
      return { ok: true, value: POINT }
  }
}

/** A number field: absent gives the default; anything but a finite number gives null. */
function num(value: unknown, fallback: number): number | null {
  if (value === undefined) return fallback
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function localTransform(record: BoardRecord): Transform | null {
  const x = num(record.x, 0)
  const y = num(record.y, 0)
  const rotation = num(record.rotation, 0)
  return x === null || y === null || rotation === null ? null : { x, y, rotation }
}

/** A point in a shape's space carried into its parent's space: rotate, then translate. */
function apply(t: Transform, px: number, py: number): [number, number] {
  const cos = Math.cos(t.rotation)
  const sin = Math.sin(t.rotation)
  return [t.x + px * cos - py * sin, t.y + px * sin + py * cos]
}

/** The box around a child's box once carried into its parent's space. */
function turnBox(b: Box, t: Transform): Box {
  const corners = [
    apply(t, b.minX, b.minY),
    apply(t, b.maxX, b.minY),
    apply(t, b.maxX, b.maxY),
    apply(t, b.minX, b.maxY),
  ]
  const xs = corners.map((c) => c[0])
  const ys = corners.map((c) => c[1])
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) }
}

function join(a: Box | null, b: Box): Box {
  if (!a) return b
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }
}

function fail(problem: PlacementProblem): { ok: false; problem: PlacementProblem } {
  return { ok: false, problem }
}
