import { type Editor, react, type TLShape, type TLShapeId } from 'tldraw'
import { isZoneFrame, ratingOf } from '../../../../shared/boardRecords'
import { accessFor } from '../../../../shared/permissions'
import { columnAt, columnFor } from '../../../../shared/ratingColumns'
import { asBoardRecord, zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import { placeInColumn } from './columnPlacement'
import { shapeCentre, zoneColumns } from './zoneColumns'

/** Tool states in which a note is still under the person's hand. */
const HANDLING = ['select.translating', 'select.pointing_shape', 'select.dragging_handle']

/**
 * Dragging a note into a W/N/K column marks it: when someone who may rate in the zone moves a
 * note within it, the note takes the mark of the column its centre lands in (the first column:
 * no mark), in the same change as the move. For anyone else a move never touches a mark: a
 * note they let go in another mark's column goes back to its own column. Once let go, a sorted
 * note takes its column's next free slot.
 * Register before the locks (registerLocks): tldraw runs before-change handlers in order, and
 * the locks must judge the move together with its mark, as the server will.
 * Returns the unregister function.
 */
export function sortIntoColumns(editor: Editor, meeting: MeetingState): () => void {
  const sorted = new Set<TLShapeId>()
  const stopSorting = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || !moved(prev, next) || isZoneFrame(asBoardRecord(next))) return next
    if (next.type === 'group' || next.type === 'frame') return next
    const me = meeting.me()
    const zoneId = zoneOnBoard(editor, meeting, next)
    if (!me || zoneId === null || zoneOnBoard(editor, meeting, prev) !== zoneId) return next
    const columns = zoneColumns(meeting.template, zoneId)
    const centre = shapeCentre(editor, next)
    const column = columns && centre ? columnAt(columns, centre.x, centre.y) : null
    if (!column || column.mark === ratingOf(asBoardRecord(next))) return next
    if (!accessFor(meeting.template, meeting.phaseId(), zoneId, me.role).can.has('rate')) {
      // Not theirs to mark: once let go, the note goes back to the column of its own mark, so
      // no note stands under a mark it does not have.
      sorted.add(next.id)
      return next
    }
    sorted.add(next.id)
    const { rating: _old, ...meta } = next.meta as Record<string, unknown>
    return { ...next, meta: column.mark === null ? meta : { ...meta, rating: column.mark } } as TLShape
  })

  const settle = () => {
    if (sorted.size === 0 || HANDLING.some((path) => editor.isIn(path))) return
    const ids = [...sorted]
    sorted.clear()
    // Part of the drag: undo takes the note back to where it was before.
    editor.run(() => ids.forEach(tidy), { history: 'ignore' })
  }
  const tidy = (id: TLShapeId) => {
    const shape = editor.getShape(id)
    const columns = shape ? zoneColumns(meeting.template, zoneOnBoard(editor, meeting, shape)) : null
    const column = shape && columns ? columnFor(columns, ratingOf(asBoardRecord(shape))) : undefined
    const place = shape && column ? placeInColumn(editor, shape, column) : null
    if (shape && place) editor.updateShape({ id, type: shape.type, x: place.x, y: place.y })
  }
  // A drag ends without a change of its own: settle when the tool state moves on.
  const stopWatching = react('settle sorted notes', () => {
    editor.getPath()
    queueMicrotask(settle)
  })
  return () => {
    stopSorting()
    stopWatching()
  }
}

function moved(prev: TLShape, next: TLShape): boolean {
  return (
    prev.x !== next.x ||
    prev.y !== next.y ||
    prev.parentId !== next.parentId ||
    prev.rotation !== next.rotation
  )
}
