import type { BatchBoard } from './batchBoard'
import { authorOf, type BoardRecord, isZoneFrame, zoneOfShape } from './boardRecords'
import { revealedAuthor } from './drafts/revealedNotes'
import { accessFor, mayEdit } from './permissions'
import type { PolicyContext } from './policyTypes'

/**
 * Removing a shape and letting go of what is bound to it: who may remove a shape, and which
 * changes to someone else's arrow only let go of shapes being removed. Shared by the shape rules
 * (shapePolicy.ts) and the binding rules (bindingPolicy.ts); it judges no placement, so neither
 * of those is needed here.
 */

/** A revealed note's owner is its author as the server knows them, named on the board or not. */
export function ownerOfShape(ctx: PolicyContext, record: BoardRecord): string | null {
  return revealedAuthor(ctx.releasedNote?.(record.id))?.authorId ?? authorOf(record)
}

/** Whether the actor may remove `shape` as the board is before the batch (its zone's rule). */
export function mayRemoveShape(ctx: PolicyContext, board: BatchBoard, shape: BoardRecord): boolean {
  if (isZoneFrame(shape)) return false
  const own = ownerOfShape(ctx, shape) === ctx.actor.participantId
  const zone = zoneOfShape(shape, board.before, ctx.rects)
  if (!zone.ok) return ctx.actor.role === 'begeleider' || own
  return mayEdit(accessFor(ctx.template, ctx.phaseId, zone.zoneId, ctx.actor.role), own)
}

/** The binding's shape is removed in this batch, or the actor may remove it. */
export function mayLetGo(ctx: PolicyContext, board: BatchBoard, binding: BoardRecord): boolean {
  const targetId = String(binding.toId)
  const target = board.before.get(targetId)
  if (!target) return true // bound to nothing: drawn as unbound already
  if (board.inBatch(targetId) && board.after.get(targetId) === undefined) return true
  return mayRemoveShape(ctx, board, target)
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
