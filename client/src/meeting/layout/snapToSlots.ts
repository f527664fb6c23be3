import { type Editor, react, type TLShape, type TLShapeId } from 'tldraw'
import { noteArea } from '../../../../shared/layout'
import { nextFreeSlot } from '../../../../shared/slots'
import { zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import { moveToPagePoint, occupiedIn } from './slotPlacement'

/**
 * Tool states in which a note is still under the person's hand: snap only once it is let go.
 * Editing counts too: a note made with the note tool opens for typing at once, and moving it
 * under the caret would scramble the first letters typed; it takes its slot when the typing ends.
 */
const HANDLING = [
  'note.pointing',
  'select.translating',
  'select.pointing_shape',
  'select.dragging_handle',
  'select.editing_shape',
]

/**
 * A note someone creates in a zone, or drags into another zone, takes the next free slot of
 * that zone's grid once it is let go: notes line up without covering each other or the mark
 * at a corner. Only the person's own gestures (source 'user'); a note moved within its zone
 * stays where it is put, and a zone without a free slot leaves it where it was dropped.
 * Returns the unregister function.
 */
export function snapToSlots(editor: Editor, meeting: MeetingState): () => void {
  /** Notes to place, with the zone they were in before the gesture (null: new or outside). */
  const pending = new Map<TLShapeId, string | null>()

  const settle = () => {
    if (pending.size === 0 || HANDLING.some((path) => editor.isIn(path))) return
    const placing = new Map(pending)
    pending.clear()
    editor.run(
      () => {
        for (const [id, from] of placing) place(id, from)
      },
      // The snap belongs to the gesture: undo takes the note back to where it was before.
      { history: 'ignore' },
    )
  }
  const place = (id: TLShapeId, from: string | null) => {
    const shape = editor.getShape(id)
    if (!shape) return // refused by the locks and taken back
    const zoneId = zoneOnBoard(editor, meeting, shape)
    if (zoneId === null || zoneId === from) return
    const area = noteArea(meeting.template, zoneId)
    // Notes placed before this one in the same settle already stand in their slots.
    const slot = nextFreeSlot(area, occupiedIn(editor, area, new Set([id])))
    if (slot) moveToPagePoint(editor, id, slot)
  }
  const note = (shape: TLShape) => shape.type === 'note'

  const created = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !note(shape)) return
    pending.set(shape.id, null)
    queueMicrotask(settle)
  })
  const changed = editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (
      source !== 'user' ||
      !note(next) ||
      (prev.x === next.x && prev.y === next.y && prev.parentId === next.parentId)
    )
      return
    if (!pending.has(next.id)) pending.set(next.id, zoneOnBoard(editor, meeting, prev))
    queueMicrotask(settle)
  })
  // A drag ends without a change of its own: settle when the tool state moves on.
  const stopWatching = react('snap notes when let go', () => {
    editor.getPath()
    queueMicrotask(settle)
  })
  return () => {
    created()
    changed()
    stopWatching()
  }
}
