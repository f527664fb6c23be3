import type { TLRecord } from 'tldraw'
import { authorOf, type BoardRecord } from '../../../../shared/boardRecords'
import { isSealedRecord, sealIdOf } from '../../../../shared/drafts/revealedNotes'
import type { RevealedNote } from '../../../../shared/drafts/sealedDrafts'

/**
 * Which revealed notes are mine, as this browser can know it: by the name on the note, or in an
 * anonymous reveal by the draft ids I sealed myself (kept here; the board names nobody). The
 * server decides by its own store; this only lets my screen say beforehand what it will say.
 */
const keyOf = (meetingId: string, participantId: string) =>
  `intervisiebord.sealed.${meetingId}.${participantId}`
const MAX_KEPT = 500

export function rememberMySeals(meetingId: string, participantId: string, ids: readonly string[]): void {
  const known = mySeals(meetingId, participantId)
  const fresh = ids.filter((id) => !known.has(id))
  if (fresh.length === 0) return
  try {
    const all = [...known, ...fresh].slice(-MAX_KEPT)
    localStorage.setItem(keyOf(meetingId, participantId), JSON.stringify(all))
  } catch {
    // Private mode: the server still lets me change my note; my screen only cannot say so first.
  }
}

export function mySeals(meetingId: string, participantId: string): Set<string> {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(meetingId, participantId)) ?? '[]') as unknown
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [])
  } catch {
    return new Set()
  }
}

/** A revealed note on this screen, as the shared rules ask for it (PolicyContext.releasedNote). */
export function revealedNoteOnScreen(
  record: TLRecord | undefined,
  meetingId: string,
  me: string,
): RevealedNote | undefined {
  if (record?.typeName !== 'shape') return undefined
  const board = record as unknown as BoardRecord
  if (!isSealedRecord(board)) return undefined
  const named = authorOf(board)
  const mine = named === me || (named === null && mySeals(meetingId, me).has(sealIdOf(board)))
  // Somebody else: which one does not matter to the rules, only that it is not me.
  return { zoneId: '', authorId: mine ? me : (named ?? 'someone-else'), anonymous: named === null }
}
