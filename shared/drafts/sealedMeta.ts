import type { BoardRecord } from '../boardRecords'

/**
 * Where a sealed note keeps the ciphertext of its text (revealedNotes.ts has the rest). On its own,
 * without imports of the meeting's rules, so the case list (caseVotes.ts) can ask too.
 */
export const SEALED_META = 'sealed'

/** The ciphertext of a revealed note's text, if it still has one. */
export function sealedTextOf(record: BoardRecord): string | null {
  const sealed = (record.meta as Record<string, unknown> | undefined)?.[SEALED_META]
  return typeof sealed === 'string' ? sealed : null
}
