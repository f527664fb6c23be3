import type { BatchBoard } from './batchBoard'
import { authorOf } from './boardRecords'
import { deny, type PolicyContext, type RecordChange, type Verdict } from './policyTypes'
import { judgeArrowPlace } from './shapePolicy'
import { mayLetGo } from './shapeRemoval'

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
