import { authorOf, type BoardRecord } from './boardRecords'
import { deny, type PolicyContext, type RecordChange, type Verdict } from './policyTypes'
import { type BatchBoard, judgeShape, mayRemoveShape } from './shapePolicy'

/**
 * Bindings: an arrow's end held to a shape. An arrow is drawn where its bindings put its ends
 * (shapeGeometry.ts), so binding an arrow places it: the arrow is judged again, as moved from
 * where it was drawn to where it is drawn now. Only the arrow's author (or the begeleider)
 * binds it. Letting go is different: when a shape is removed, the bindings to it go with it
 * (tldraw removes them in the same step), also when the arrow is someone else's; so anyone who
 * may remove the shape an arrow is bound to may remove that binding, as long as the arrow stays
 * in its zone.
 */
export function judgeBinding(ctx: PolicyContext, board: BatchBoard, change: RecordChange): Verdict {
  const { id, prev, next } = change
  const arrowIds = new Set<string>()
  for (const record of [prev, next]) {
    if (!record) continue
    if (typeof record.fromId !== 'string' || typeof record.toId !== 'string') {
      return deny(id, {
        nl: 'Deze verbinding noemt geen pijl of geen vorm.',
        en: 'This binding names no arrow or no shape.',
      })
    }
    arrowIds.add(record.fromId)
  }
  for (const arrowId of arrowIds) {
    const arrow = board.after.get(arrowId) ?? board.before.get(arrowId)
    const own =
      arrow !== undefined && (ctx.actor.role === 'begeleider' || authorOf(arrow) === ctx.actor.participantId)
    const lettingGo = prev !== null && next === null && mayLetGo(ctx, board, prev)
    if (!own && !lettingGo) {
      return deny(id, {
        nl: 'Je kunt alleen je eigen pijlen verbinden.',
        en: 'You can only connect your own arrows.',
      })
    }
    const placed = judgeArrowPlace(ctx, board, arrowId)
    if (!placed.ok) return placed
  }
  return { ok: true }
}

/** The binding's shape is removed in this batch, or the actor may remove it. */
export function mayLetGo(ctx: PolicyContext, board: BatchBoard, binding: BoardRecord): boolean {
  const targetId = String(binding.toId)
  const target = board.before.get(targetId)
  if (!target) return true // bound to nothing: drawn as unbound already
  if (board.inBatch(targetId) && board.after.get(targetId) === undefined) return true
  return mayRemoveShape(ctx, board, target)
}

/**
 * An arrow the batch does not change itself, drawn elsewhere now that its bindings changed:
 * judged once, as moved from where it was drawn to where it is drawn after the batch.
 */
export function judgeArrowPlace(ctx: PolicyContext, board: BatchBoard, arrowId: string): Verdict {
  if (board.inBatch(arrowId) || board.carried.has(arrowId)) return { ok: true }
  const before = board.before.get(arrowId)
  const after = board.after.get(arrowId)
  if (!before || !after) return { ok: true }
  board.carried.add(arrowId)
  return judgeShape(ctx, board, { id: arrowId, prev: before, next: after })
}

/** Props of an arrow that letting go of a bound end rewrites (tldraw's updateArrowTerminal). */
const TERMINAL_PROPS = new Set(['start', 'end', 'bend'])

/**
 * Whether an update of someone else's arrow only lets go of shapes being removed: tldraw, when
 * a bound shape is removed, writes where the arrow's end was drawn into its start or end (and
 * keeps its curve by adjusting the bend). Nothing else of the arrow may change, and every end
 * that moves must be bound to a shape the actor removes or may remove. The caller checks that
 * the arrow stays in its zone.
 */
export function onlyLetsGo(
  ctx: PolicyContext,
  board: BatchBoard,
  prev: BoardRecord,
  next: BoardRecord,
): boolean {
  if (prev.type !== 'arrow' || next.type !== 'arrow') return false
  for (const key of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    if (key !== 'props' && !same(prev[key], next[key])) return false
  }
  const before = prev.props ?? {}
  const after = next.props ?? {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!TERMINAL_PROPS.has(key) && !same(before[key], after[key])) return false
  }
  const moved = (['start', 'end'] as const).filter((end) => !same(before[end], after[end]))
  if (moved.length === 0) return false
  const bindings = [...(board.before.bindingsFrom?.(prev.id) ?? [])].slice(0, 16)
  return moved.every((end) =>
    bindings.some(
      (b) =>
        b.typeName === 'binding' &&
        b.fromId === prev.id &&
        (b.props as { terminal?: unknown } | undefined)?.terminal === end &&
        mayLetGo(ctx, board, b),
    ),
  )
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
