import type { Editor, TLRecord } from 'tldraw'
import { isAnonymousNote } from '../../../../shared/authorship'
import type { BoardRecord } from '../../../../shared/boardRecords'
import { removedByFacilitator, sealedTextOf, sealIdOf } from '../../../../shared/drafts/revealedNotes'
import { richTextToPlain } from '../../../../shared/outcome/noteText'
import { apiErrorInBoth } from '../../api/apiErrors'
import type { ReturnedStore } from '../returned/returnedStore'
import { draftApi } from './draftApi'
import { revealedNoteOnScreen } from './mySealedNotes'
import type { SealedNoteCodec } from './sealedNoteCodec'
import { sealText } from './sealing'

/** How long after the last keystroke in a revealed note of mine its text is sealed again. */
const RESEAL_DELAY_MS = 300

/** Who I am to the server, to send the new seal of an anonymous note of mine through it. */
export interface ResealVia {
  meetingId: string
  me: string
  token: string
  returned: ReturnedStore
}

/**
 * The author changes the text of their revealed note: on this screen they type as in any note;
 * the text is then sealed again here and only the new seal leaves (the codec never lets the
 * plain text out). A named note gets it from this browser through the room; an anonymous one
 * through the server, which writes it itself: a write from this browser would carry its Yjs
 * client id, which presence ties to me (anonymousRevealed.ts). If the server refuses, my text
 * comes back to me as a returned note with the reason. Anyone else's edit is stopped by the
 * locks first (revealedNotes.ts).
 */
export function resealMyRevealedNotes(
  editor: Editor,
  codec: SealedNoteCodec,
  key: CryptoKey,
  { meetingId, me, token, returned }: ResealVia,
): () => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  // One seal per note on its way to the server at a time, so they arrive in the order typed.
  const sending = new Map<string, Promise<void>>()
  const sendThroughServer = (id: string, sealed: string, text: string) => {
    const previous = sending.get(id) ?? Promise.resolve()
    const next = previous.then(() =>
      draftApi.resealAnonymous(meetingId, token, id, sealed).then(
        () => undefined,
        (error: unknown) => giveBack(id, text, error),
      ),
    )
    sending.set(id, next)
    void next.finally(() => {
      if (sending.get(id) === next) sending.delete(id)
    })
  }
  const giveBack = (id: string, text: string, error: unknown) => {
    returned.add([{ id, text, reason: apiErrorInBoth(error), at: Date.now() }])
    // The note shows again what the room holds; my words are in the returned note.
    const now = editor.store.get(id as TLRecord['id'])
    if (now) editor.store.mergeRemoteChanges(() => editor.store.put([codec.fromRoom(codec.toRoom(now))]))
  }
  const reseal = async (id: TLRecord['id']) => {
    timers.delete(id)
    const record = editor.store.get(id)
    if (!record || !needsSeal(record)) return
    const text = plain(record)
    const sealed = await sealText(key, meetingId, sealIdOf(record as unknown as BoardRecord), text)
    codec.remember(sealed, text)
    const now = editor.store.get(id)
    // Typed on meanwhile: the next round seals that.
    if (!now || plain(now) !== text || !needsSeal(now)) return
    if (isAnonymousNote(now as unknown as BoardRecord)) return sendThroughServer(now.id, sealed, text)
    editor.updateShape({ id: now.id as never, type: 'note', meta: { ...now.meta, sealed } })
  }
  const needsSeal = (record: TLRecord): boolean => {
    if (record.typeName !== 'shape') return false
    const board = record as unknown as BoardRecord
    if (sealedTextOf(board) === null || removedByFacilitator(board) || !codec.isEdited(board)) return false
    return revealedNoteOnScreen(record, meetingId, me)?.authorId === me
  }
  const stop = editor.store.listen(
    ({ changes }) => {
      for (const [, to] of Object.values(changes.updated)) {
        if (!needsSeal(to)) continue
        clearTimeout(timers.get(to.id))
        timers.set(
          to.id,
          setTimeout(() => void reseal(to.id), RESEAL_DELAY_MS),
        )
      }
    },
    { source: 'user', scope: 'document' },
  )
  return () => {
    stop()
    for (const timer of timers.values()) clearTimeout(timer)
  }
}

function plain(record: TLRecord): string {
  return richTextToPlain((record as { props?: { richText?: unknown } }).props?.richText)
}
