import type { TLRecord, TLStore } from 'tldraw'

/**
 * What the binding (storeBinding.ts) does to a record on its way between the room and this
 * browser's store. A meeting keeps revealed private notes sealed in the room and opens them for
 * this screen only (meeting/drafts/sealedNoteCodec.ts): what is opened must never flow back.
 */
export interface RecordCodec {
  /** The record as the room must hold it (plain text of a sealed note taken out). */
  toRoom(record: TLRecord): TLRecord
  /** The record as this browser shows it (a sealed note opened, or a placeholder meanwhile). */
  fromRoom(record: TLRecord): TLRecord
  /** Told which store it fills, so what it opens later reaches the screen; returns a detach. */
  attach?(store: TLStore): () => void
}

export const IDENTITY_CODEC: RecordCodec = { toRoom: (r) => r, fromRoom: (r) => r }
