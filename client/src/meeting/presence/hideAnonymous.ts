import { InstancePageStateRecordType, type TLPageId, type TLStore } from 'tldraw'
import { anonymousPresence, isAnonymousNote } from '../../../../shared/authorship'
import { type BoardRecord, PAGE_ID } from '../../../../shared/boardRecords'

/**
 * This browser's presence without any anonymous note it selects or edits (and then without its
 * cursor): nobody sees who is busy with a note revealed without names. The server applies the
 * same rule to the selection (server/src/meetings/awarenessIdentity.ts); only this browser knows
 * it is editing. Reads the store inside the presence derivation, so it follows every change.
 */
export function hideAnonymousNotes(store: TLStore, presence: unknown): unknown {
  const pageState = store.get(InstancePageStateRecordType.createId(PAGE_ID as TLPageId))
  const isAnonymous = (id: string) =>
    isAnonymousNote(store.get(id as never) as unknown as BoardRecord | undefined)
  return anonymousPresence(presence, isAnonymous, pageState?.editingShapeId ?? null)
}
