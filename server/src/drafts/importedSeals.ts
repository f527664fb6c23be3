import { authorOf, type BoardRecord } from '../../../shared/boardRecords'
import { REVEALED_META_KEYS, sealedTextOf } from '../../../shared/drafts/revealedNotes'
import type { RevealedRow } from '../storage/draftStore'

/**
 * Revealed notes in an imported meeting. Their text stays sealed as it was (the server cannot
 * open it); each records the meeting it was sealed in (meta.sealedIn), since the seal binds that
 * meeting's id, so a browser that holds that meeting's key can still open it. They stay revealed
 * notes under the same rule: nobody changes their text (their authors have no session here), the
 * begeleider removes one only visibly. Who wrote an anonymous one is not in the file: nobody.
 */
export function importSealedNotes(
  records: readonly BoardRecord[],
  /** Null for a file without it (exported before): then nothing can open them here. */
  fromMeetingId: string | null,
): { records: BoardRecord[]; rows: RevealedRow[] } {
  const rows: RevealedRow[] = []
  const out = records.map((record) => {
    if (record.typeName !== 'shape' || sealedTextOf(record) === null) return record
    const meta = record.meta as Record<string, unknown>
    const author = authorOf(record)
    rows.push({ noteId: record.id, zoneId: '', authorId: author ?? '', anonymous: author === null })
    if (typeof meta[REVEALED_META_KEYS.sealedIn] === 'string' || fromMeetingId === null) return record
    return { ...record, meta: { ...meta, [REVEALED_META_KEYS.sealedIn]: fromMeetingId } }
  })
  return { records: out, rows }
}
