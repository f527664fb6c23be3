import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import type { MeetingState } from '../meetingState'
import type { ReturnedStore } from '../returned/returnedStore'
import { DraftSync } from './draftSync'
import { loadMeetingKey } from './meetingKey'
import { RevealPublisher } from './revealPublisher'
import { importMeetingKey } from './sealing'

export interface SealedDrafts {
  /** Null without a meeting key in this browser: drafts then stay here until the reveal. */
  sync: DraftSync | null
  publisher: RevealPublisher
  hasKey: boolean
}

/** Starts the author's and the begeleider's side of sealed drafts once the board is mounted. */
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
    const encoded = loadMeetingKey(meetingId)
    void (async () => {
      const key = encoded ? await importMeetingKey(encoded).catch(() => null) : null
      if (cancelled) return
      made = {
        sync: key ? new DraftSync(editor, meeting, meetingId, token, key, returned) : null,
        publisher: new RevealPublisher(editor, meeting, meetingId, token, key),
        hasKey: key !== null,
      }
      setDrafts(made)
    })()
    return () => {
      cancelled = true
      made?.sync?.destroy()
      made?.publisher.destroy()
      setDrafts(null)
    }
  }, [editor, meeting, meetingId, token, returned])
  return drafts
}
