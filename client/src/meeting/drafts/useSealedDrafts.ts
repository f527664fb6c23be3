import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import type { MeetingState } from '../meetingState'
import type { ReturnedStore } from '../returned/returnedStore'
import { DraftSync } from './draftSync'
import { loadMeetingKey } from './meetingKey'
import { resealMyRevealedNotes } from './revealedNoteEditing'
import { importMeetingKey } from './sealing'

export interface SealedDrafts {
  /** Null without a meeting key in this browser: drafts then stay here until the reveal. */
  sync: DraftSync | null
  hasKey: boolean
}

/**
 * Starts the author's side of sealed drafts once the board is mounted, opens revealed notes with
 * the meeting key (the codec in the binding) and seals my edits of my revealed notes again.
 */
export function useSealedDrafts(
  editor: Editor | null,
  meeting: MeetingState | null,
  meetingId: string,
  token: string,
  returned: ReturnedStore,
): SealedDrafts | null {
  const [drafts, setDrafts] = useState<SealedDrafts | null>(null)
  useEffect(() => {
    if (!editor || !meeting) return undefined
    let cancelled = false
    let made: SealedDrafts | null = null
    let stopResealing: (() => void) | null = null
    const encoded = loadMeetingKey(meetingId)
    void (async () => {
      const key = encoded ? await importMeetingKey(encoded).catch(() => null) : null
      if (cancelled) return
      meeting.sealedNotes?.setKey(key)
      if (key && meeting.sealedNotes)
        stopResealing = resealMyRevealedNotes(editor, meeting.sealedNotes, key, {
          meetingId,
          me: meeting.participantId,
          token,
          returned,
        })
      made = {
        sync: key ? new DraftSync(editor, meeting, meetingId, token, key, returned) : null,
        hasKey: key !== null,
      }
      setDrafts(made)
    })()
    return () => {
      cancelled = true
      made?.sync?.destroy()
      stopResealing?.()
      setDrafts(null)
    }
  }, [editor, meeting, meetingId, token, returned])
  return drafts
}
