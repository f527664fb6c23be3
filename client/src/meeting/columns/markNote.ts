import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { isZoneFrame, ratingOf } from '../../../../templates/src/boardRecords'
import { type Box, columnAt, columnFor, freePosition } from '../../../../templates/src/ratingColumns'
import { asBoardRecord, zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import { shapeCentre, zoneColumns } from './zoneColumns'

/**
 * Gives a note a mark (null: takes it away), as the list does. In a zone with W/N/K columns the
 * note moves into the column of its new mark, at the column's next free place, in the same
 * change, so everyone sees the columns fill and the server judges mark and move together. The
 * editor's locks judge it first: someone who may not rate gets their explanation and nothing
 * changes. Returns whether the note now carries the mark.
 */
export function markNote(editor: Editor, meeting: MeetingState, id: TLShapeId, mark: string | null): boolean {
  const shape = editor.getShape(id)
  if (!shape) return false
  const { rating: _old, ...meta } = shape.meta as Record<string, unknown>
  const nextMeta = mark === null ? meta : { ...meta, rating: mark }
  const place = placeInColumn(editor, meeting, shape, mark)
  editor.updateShape({ id, type: shape.type, ...place, meta: nextMeta } as never)
  const now = editor.getShape(id)
  return now !== undefined && ratingOf(asBoardRecord(now)) === mark
}

/**
 * Where the shape goes for its new mark, in its parent's space: nowhere new when the zone has
 * no columns or the note already stands in the right column.
 */
function placeInColumn(
  editor: Editor,
  meeting: MeetingState,
  shape: TLShape,
  mark: string | null,
): { x?: number; y?: number } {
  const zoneId = zoneOnBoard(editor, meeting, shape)
  const columns = zoneColumns(meeting.template, zoneId)
  const target = columns && columnFor(columns, mark)
  const centre = shapeCentre(editor, shape)
  const bounds = editor.getShapePageBounds(shape)
  if (!columns || !target || !centre || !bounds) return {}
  if (columnAt(columns, centre.x, centre.y)?.mark === target.mark) return {}
  const occupied: Box[] = []
  for (const other of editor.getCurrentPageShapes()) {
    if (other.id === shape.id || isZoneFrame(asBoardRecord(other)) || other.type === 'group') continue
    const box = editor.getShapePageBounds(other)
    if (box) occupied.push({ x: box.x, y: box.y, w: box.w, h: box.h })
  }
  const corner = freePosition(target, { w: bounds.w, h: bounds.h }, occupied)
  // Move the shape's origin by what its bounds move, then into its parent's space.
  const origin = editor.getShapePageTransform(shape).point()
  const moved = { x: origin.x + corner.x - bounds.x, y: origin.y + corner.y - bounds.y }
  const local = editor.getPointInParentSpace(shape, moved)
  return { x: local.x, y: local.y }
}
