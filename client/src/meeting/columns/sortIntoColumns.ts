import type { Editor, TLShape } from 'tldraw'
import { isZoneFrame, ratingOf } from '../../../../templates/src/boardRecords'
import { accessFor } from '../../../../templates/src/permissions'
import { columnAt } from '../../../../templates/src/ratingColumns'
import { asBoardRecord, zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import { shapeCentre, zoneColumns } from './zoneColumns'

/**
 * Dragging a note into a W/N/K column marks it: when someone who may rate in the zone moves a
 * note within it, the note takes the mark of the column its centre lands in (the first column:
 * no mark), in the same change as the move. For anyone else a move never touches a mark.
 * Register before the locks (registerLocks): tldraw runs before-change handlers in order, and
 * the locks must judge the move together with its mark, as the server will.
 * Returns the unregister function.
 */
export function sortIntoColumns(editor: Editor, meeting: MeetingState): () => void {
  return editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || !moved(prev, next) || isZoneFrame(asBoardRecord(next))) return next
    if (next.type === 'group' || next.type === 'frame') return next
    const me = meeting.me()
    const zoneId = zoneOnBoard(editor, meeting, next)
    if (!me || zoneId === null || zoneOnBoard(editor, meeting, prev) !== zoneId) return next
    if (!accessFor(meeting.template, meeting.phaseId(), zoneId, me.role).can.has('rate')) return next
    const columns = zoneColumns(meeting.template, zoneId)
    const centre = shapeCentre(editor, next)
    const column = columns && centre ? columnAt(columns, centre.x, centre.y) : null
    if (!column || column.mark === ratingOf(asBoardRecord(next))) return next
    const { rating: _old, ...meta } = next.meta as Record<string, unknown>
    return { ...next, meta: column.mark === null ? meta : { ...meta, rating: column.mark } } as TLShape
  })
}

function moved(prev: TLShape, next: TLShape): boolean {
  return (
    prev.x !== next.x ||
    prev.y !== next.y ||
    prev.parentId !== next.parentId ||
    prev.rotation !== next.rotation
  )
}
