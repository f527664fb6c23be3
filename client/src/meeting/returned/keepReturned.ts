import { createShapeId, type Editor, type TLShapeId, toRichText } from 'tldraw'
import { boardLayout } from '../../../../shared/layout'
import { accessFor } from '../../../../shared/permissions'
import type { LocalizedText } from '../../../../shared/schema'
import type { BoardNotice, BoardSession } from '../../collab/boardSession'
import type { MeetingState } from '../meetingState'
import { stateMessages } from '../stateMessages'
import { notesToReturn, type ReturnedNote } from './returnedNotes'
import type { ReturnedStore } from './returnedStore'

/** Side of a new note in page units (tldraw's default note). */
const NOTE_SIDE = 200

/**
 * Gives me back my text when the session starts over without it (see BoardSession.onRestart):
 * my own notes the server did not take go into my returned notes, with the reason.
 * Returns the unsubscribe.
 */
export function keepReturned(session: BoardSession, meeting: MeetingState, store: ReturnedStore): () => void {
  return session.onRestart((lost, notice) => {
    const reason = reasonOf(notice)
    const notes = notesToReturn(lost, meeting.participantId, reason, Date.now())
    if (notes.length === 0) return
    store.add(notes)
    session.$notice.set({ kind: 'refused', refusal: { code: 'forbidden', ...returnedNotice(reason) } })
  })
}

/**
 * The notice for text that went to my returned notes: where it went, not only why it was refused.
 * A note that never reached the board, or an edit of one that stays as it was.
 */
export function returnedNotice(reason: LocalizedText, what: 'note' | 'edit' = 'note'): LocalizedText {
  const key = what === 'note' ? 'returned.notice' : 'returned.editNotice'
  const told = (language: 'nl' | 'en') => stateMessages[language][key].replace('{reason}', reason[language])
  return { nl: told('nl'), en: told('en') }
}

/** Why the session started over, in the words the returned note keeps. */
function reasonOf(notice: BoardNotice): LocalizedText {
  switch (notice.kind) {
    case 'refused':
      return { nl: notice.refusal.nl, en: notice.refusal.en }
    case 'tooBig':
      return { nl: 'De wijziging was te groot om te versturen.', en: 'The change was too large to send.' }
    case 'badUpdate':
    case 'erased':
      return {
        nl: 'Je bord liep niet gelijk met de server.',
        en: 'Your board was out of step with the server.',
      }
  }
}

/**
 * Where a returned note can go now: the first zone I may add to, else the free area if it is open
 * to me, else nowhere (null). The locks still judge the note when it is placed (a quota, say).
 */
export function placeTarget(meeting: MeetingState): { zoneId: string | null } | null {
  const me = meeting.me()
  if (!me) return null
  const phaseId = meeting.phaseId()
  const zone = meeting.template.zones.find((z) =>
    accessFor(meeting.template, phaseId, z.id, me.role).can.has('add'),
  )
  if (zone) return { zoneId: zone.id }
  return accessFor(meeting.template, phaseId, null, me.role).can.has('add') ? { zoneId: null } : null
}

/**
 * Puts a returned note's text on the board as a new note of mine, in the place placeTarget
 * names. Resolves true when the note is on the board (the locks did not take it back).
 */
export async function placeReturned(
  editor: Editor,
  meeting: MeetingState,
  note: ReturnedNote,
): Promise<boolean> {
  const target = placeTarget(meeting)
  if (!target) return false
  const rect = target.zoneId
    ? boardLayout(meeting.template).find((r) => r.zoneId === target.zoneId)
    : undefined
  const centre = rect
    ? { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }
    : editor.getViewportPageBounds().center
  const id: TLShapeId = createShapeId()
  editor.createShape({
    id,
    type: 'note',
    x: centre.x - NOTE_SIDE / 2,
    y: centre.y - NOTE_SIDE / 2,
    props: { richText: toRichText(note.text) },
  })
  // A refused create is taken back in a microtask (registerLocks): look once that has run.
  await new Promise((resolve) => setTimeout(resolve, 0))
  if (!editor.store.has(id)) return false
  editor.select(id)
  return true
}
