import type { Editor, TLShape } from 'tldraw'
import { isZoneFrame, ratingOf } from '../../../../shared/boardRecords'
import { noteArea, zoneRect } from '../../../../shared/layout'
import { findZone } from '../../../../shared/permissions'
import { columnFor, hasRatingColumns, ratingColumns } from '../../../../shared/ratingColumns'
import { type Rect, SLOT_PITCH, tidyPositions } from '../../../../shared/slots'
import { asBoardRecord, zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import { moveToPagePoint, pageRect } from './slotPlacement'

/**
 * The facilitator's "tidy": every note and shape of a zone into the zone's slots, in reading
 * order (row by row as they stand now), none over another. In a zone with W/N/K columns each
 * note is tidied into the column of its mark (no mark, or one off the scale: "not rated yet"),
 * so tidying never changes what the columns say; every column has slots for every note the zone
 * can get (layout.ts), so none is stacked over another.
 * One step in the history (undo puts everything back). The locks judge each move as usual; the
 * methods let the begeleider move anything within a zone. Returns how many shapes moved, and how
 * many did not fit and were stacked over the last row.
 */
export function tidyZone(
  editor: Editor,
  meeting: MeetingState,
  zoneId: string,
): { moved: number; overflow: number } {
  const rect = zoneRect(meeting.template, zoneId)
  const shapes = editor
    .getCurrentPageShapes()
    .filter((s) => topLevel(editor, s) && !isZoneFrame(asBoardRecord(s)))
    .filter((s) => zoneOnBoard(editor, meeting, s) === zoneId)
    .map((shape) => ({ shape, rect: pageRect(editor, shape) }))
    .filter((s): s is { shape: TLShape; rect: Rect } => s.rect !== null)
    .sort((a, b) => readingOrder(a.rect, b.rect))

  // One group per area: the zone's note area, or each W/N/K column (keyed by its mark).
  const groups = new Map<string, { area: Rect; items: typeof shapes }>()
  const zone = findZone(meeting.template, zoneId)
  const columns = hasRatingColumns(zone) ? ratingColumns(rect, rect.slotArea) : null
  const whole = noteArea(meeting.template, zoneId)
  for (const item of shapes) {
    const column = columns && (columnFor(columns, ratingOf(asBoardRecord(item.shape))) ?? columns[0]!)
    const key = column ? `column:${column.mark ?? ''}` : 'zone'
    const group = groups.get(key) ?? { area: column ? column.area : whole, items: [] }
    group.items.push(item)
    groups.set(key, group)
  }

  let moved = 0
  let overflow = 0
  editor.markHistoryStoppingPoint('tidy zone')
  editor.run(() => {
    for (const { area, items } of groups.values()) {
      const laid = tidyPositions(
        area,
        items.map((i) => ({ w: i.rect.w, h: i.rect.h })),
      )
      overflow += laid.overflow
      items.forEach((item, i) => {
        const to = laid.positions[i]!
        if (to.x === item.rect.x && to.y === item.rect.y) return
        // Bounds and origin differ for rotated shapes: move the origin by what the bounds move.
        const origin = editor.getShapePageTransform(item.shape).point()
        moveToPagePoint(editor, item.shape.id, {
          x: origin.x + to.x - item.rect.x,
          y: origin.y + to.y - item.rect.y,
        })
        moved += 1
      })
    }
  })
  return { moved, overflow }
}

/** Top to bottom by slot rows, then left to right: the order people read the zone in. */
function readingOrder(a: Rect, b: Rect): number {
  const rowA = Math.round(a.y / SLOT_PITCH)
  const rowB = Math.round(b.y / SLOT_PITCH)
  return rowA !== rowB ? rowA - rowB : a.x - b.x
}

/** A shape placed on the page or on a zone frame, not one inside a group or a frame of its own. */
function topLevel(editor: Editor, shape: TLShape): boolean {
  const parent = editor.getShape(shape.parentId as TLShape['id'])
  return parent === undefined || isZoneFrame(asBoardRecord(parent))
}
