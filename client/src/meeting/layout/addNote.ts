import { createShapeId, type Editor, startEditingShapeWithRichText } from 'tldraw'
import { noteArea } from '../../../../shared/layout'
import { accessFor } from '../../../../shared/permissions'
import { nextFreeSlot } from '../../../../shared/slots'
import type { MeetingState } from '../meetingState'
import { occupiedIn } from './slotPlacement'
import { zonesInView } from './zonesInView'

/** What adding a note came to: added (and being typed in), refused by the rules, or nowhere to add. */
export type AddNoteResult = 'added' | 'refused' | 'noZone' | 'full'

/**
 * The zone a note goes to without a pointer: the first zone in view for this phase where my role
 * may add, or null. Not a zone the phase only reveals: drafts reach it by the reveal, never as new
 * notes (mayPublishDrafts).
 */
export function zoneToAddTo(meeting: MeetingState): string | null {
  const me = meeting.me()
  const view = meeting.$view.get()
  if (!me || !view || view.progress.finished) return null
  const phaseId = meeting.phaseId()
  const canAdd = (zoneId: string) => accessFor(meeting.template, phaseId, zoneId, me.role).can.has('add')
  return zonesInView(meeting.template, view.progress.phaseIndex, me.role).find(canAdd) ?? null
}

/**
 * "Notitie toevoegen" by button or keyboard: a note in the next free slot of the zone in play,
 * selected and open for typing. The locks judge it like any new note (a quota that is used up
 * refuses it, with its explanation, and the note is taken back).
 */
export async function addNoteInPlay(editor: Editor, meeting: MeetingState): Promise<AddNoteResult> {
  const zoneId = zoneToAddTo(meeting)
  if (!zoneId) return 'noZone'
  const area = noteArea(meeting.template, zoneId)
  const slot = nextFreeSlot(area, occupiedIn(editor, area))
  if (!slot) return 'full'
  const id = createShapeId()
  editor.markHistoryStoppingPoint('add note')
  editor.createShape({ id, type: 'note', x: slot.x, y: slot.y })
  // A refused note is taken back by the locks in a microtask queued during the create.
  await Promise.resolve()
  if (!editor.getShape(id)) return 'refused'
  editor.select(id)
  startEditingShapeWithRichText(editor, id, { selectAll: true })
  return 'added'
}
