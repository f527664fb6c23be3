import { authorOf, type BoardRecord } from './boardRecords'
import { accessFor, findZone } from './permissions'
import { deny, type PolicyContext, type Verdict } from './policyTypes'
import { columnAt, hasRatingColumns, ratingColumns } from './ratingColumns'
import type { RATING_SCALES } from './schema'
import { type ShapeWorld, shapePageCentre } from './shapeGeometry'

/** The values each rating scale allows, in the order the rating buttons show them. */
export const RATING_VALUES: Record<(typeof RATING_SCALES)[number], readonly string[]> = {
  wnk: ['W', 'N', 'K'],
  mark: ['herkend'],
  score10: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
}

/** A shape as it was or will be, with the zone it is drawn in. */
export interface PlacedShape {
  record: BoardRecord
  zoneId: string | null
}

/**
 * Marks (meta.rating) are judged wherever a marked value appears or changes, not only when a
 * note is rated in place: a shape created with a mark, moved to another zone with its mark, or
 * whose mark is set, changed or removed. Each passes the same check as rating in place: the
 * actor may rate in the zone the mark ends up in (for a removal: the zone it was in), and the
 * value belongs to that zone's scale. A shape without a mark is not concerned.
 */
export function judgeMark(
  ctx: PolicyContext,
  id: string,
  before: PlacedShape | null,
  after: PlacedShape | null,
): Verdict {
  if (!after) return { ok: true } // a removal is judged as a removal of the shape
  const was = markOf(before?.record)
  const is = markOf(after.record)
  const author = authorOf(after.record)
  if (!before) return is === null ? { ok: true } : mayRate(ctx, id, after.zoneId, is, author)
  if (was !== is)
    return is === null
      ? mayRate(ctx, id, before.zoneId, null, author)
      : mayRate(ctx, id, after.zoneId, is, author)
  if (is !== null && before.zoneId !== after.zoneId) return mayRate(ctx, id, after.zoneId, is, author)
  return { ok: true }
}

/** The raw mark of a record: null when it has none (any other value is judged, and refused). */
function markOf(record: BoardRecord | undefined): unknown {
  return record?.meta?.rating ?? null
}

function mayRate(
  ctx: PolicyContext,
  id: string,
  zoneId: string | null,
  value: unknown,
  author: string | null,
): Verdict {
  const zone = zoneId ? findZone(ctx.template, zoneId) : undefined
  const scale = zone?.rating
  const access = accessFor(ctx.template, ctx.phaseId, zoneId, ctx.actor.role)
  if (!access.can.has('rate') || !scale) {
    return deny(id, {
      nl: 'Alleen de inbrenger waardeert, en alleen in de fase die daarvoor is.',
      en: 'Only the inbrenger rates, and only in the phase meant for it.',
    })
  }
  // Each scores their own topic (quick advice rounds): how important advice is, only they know.
  if (zone?.ratedByAuthor && author !== ctx.actor.participantId) {
    return deny(id, {
      nl: 'Hier geeft ieder alleen zijn eigen onderwerp een cijfer.',
      en: 'Here each person scores only their own topic.',
    })
  }
  if (value !== null && !(typeof value === 'string' && RATING_VALUES[scale].includes(value))) {
    const shown = typeof value === 'string' && value.length <= 20 ? `"${value}"` : null
    return deny(id, {
      nl: `${shown ?? 'Dit'} is geen geldige waardering hier.`,
      en: `${shown ?? 'This'} is not a valid rating here.`,
    })
  }
  return { ok: true }
}

/**
 * Sorting on the W/N/K flip-over: whoever may rate in a zone with columns may also move a note
 * within that zone, as long as the note ends up in the column of its mark (its new mark, when
 * the same change gives one; "not rated yet" without a mark). That is how the inbrenger rates
 * by dragging, and how marking in the list puts the note in its column. Other moves stay theirs
 * who may move there (mayMove); a mark and its column never part by the rater's hand.
 */
export function maySortByMark(
  ctx: PolicyContext,
  zoneId: string | null,
  next: BoardRecord,
  after: ShapeWorld,
): boolean {
  if (zoneId === null) return false
  const zone = findZone(ctx.template, zoneId)
  const rect = ctx.rects.find((r) => r.zoneId === zoneId)
  if (!rect || !hasRatingColumns(zone)) return false
  if (!accessFor(ctx.template, ctx.phaseId, zoneId, ctx.actor.role).can.has('rate')) return false
  const centre = shapePageCentre(next, after)
  if (!centre.ok) return false
  const column = columnAt(ratingColumns(rect), centre.value.x, centre.value.y)
  return column !== null && column.mark === markOf(next)
}
