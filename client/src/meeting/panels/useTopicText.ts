import { useContext } from 'react'
import { type TLRecord, useValue } from 'tldraw'
import type { BoardRecord } from '../../../../shared/boardRecords'
import { isSealedRecord } from '../../../../shared/drafts/revealedNotes'
import { plainTextOf } from '../../../../shared/outcome/noteText'
import { MeetingContext } from '../canvas/meetingContext'

/**
 * The text of the topic being walked through. The server takes it from the note when the walk
 * starts, but a topic prepared privately is a sealed note it cannot read: then this screen shows
 * the note's text as it opened it (drafts/sealedNoteCodec.ts).
 */
export function useTopicText(noteId: string | undefined, serverText: string): string {
  const meeting = useContext(MeetingContext)
  return useValue('topic text', () => {
    if (serverText !== '' || !noteId || !meeting) return serverText
    const record = meeting.session.store.get(noteId as TLRecord['id']) as BoardRecord | undefined
    return record && isSealedRecord(record) ? plainTextOf(record).slice(0, 500) : serverText
  }, [meeting, noteId, serverText])
}
