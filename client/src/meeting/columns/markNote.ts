import type { Editor, TLShapeId } from 'tldraw'
import { ratingOf } from '../../../../shared/boardRecords'
import { columnFor } from '../../../../shared/ratingColumns'
import { asBoardRecord, zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import { placeInColumn } from './columnPlacement'
import { zoneColumns } from './zoneColumns'

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
  const columns = zoneColumns(meeting.template, zoneOnBoard(editor, meeting, shape))
  const target = columns ? columnFor(columns, mark) : undefined
  const place = target ? placeInColumn(editor, shape, target) : null
  editor.updateShape({
    id,
    type: shape.type,
    ...(place ? { x: place.x, y: place.y } : {}),
    meta: mark === null ? meta : { ...meta, rating: mark },
  } as never)
  const now = editor.getShape(id)
  return now !== undefined && ratingOf(asBoardRecord(now)) === mark
}
