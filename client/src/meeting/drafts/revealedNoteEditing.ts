import type { Editor, TLRecord } from 'tldraw'
import type { BoardRecord } from '../../../../templates/src/boardRecords'
import { removedByFacilitator, sealedTextOf, sealIdOf } from '../../../../templates/src/drafts/revealedNotes'
import { richTextToPlain } from '../../../../templates/src/outcome/noteText'
import { revealedNoteOnScreen } from './mySealedNotes'
import type { SealedNoteCodec } from './sealedNoteCodec'
import { sealText } from './sealing'

/** How long after the last keystroke in a revealed note of mine its text is sealed again. */
const RESEAL_DELAY_MS = 300

/**
 * The author changes the text of their revealed note: on this screen they type as in any note;
 * the text is then sealed again here and only the new seal goes to the room (the codec never
 * lets the plain text out). Anyone else's edit is stopped by the locks first (revealedNotes.ts).
 */
export function resealMyRevealedNotes(
  editor: Editor,
  codec: SealedNoteCodec,
  key: CryptoKey,
  meetingId: string,
  me: string,
): () => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
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
