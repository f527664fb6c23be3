import type { ClientClaimStore } from './clientClaimStore'
import type { DraftStore } from './draftStore'
import type { GroupStore } from './groupStore'
import type { ImportStore } from './importStore'
import type { MeetingStore } from './meetingStore'
import type { RoomStore } from './roomStore'

/** Both stores on one backend, so a meeting and its room can be erased in one transaction. */
export interface Storage {
  rooms: RoomStore
  meetings: MeetingStore
  /** Sealed drafts, beside the meetings (erased with them). */
  drafts: DraftStore
  groups: GroupStore
  /** Which participant writes in which Yjs client id's clock range, per room (erased with it). */
  claims: ClientClaimStore
  /** A whole import in one transaction (meetings, people, boards, group). */
  imports: ImportStore
  /** What it is, for the start-up log line (no password). */
  describe: string
  close(): Promise<void>
}

/**
 * Where the keys of encryption at rest live (keyStore.ts): for SQLite a file (KEY_STORE, default
 * DATA_DIR/intervisiebord-keys.sqlite), for Postgres a database (KEY_DATABASE_URL, default the
 * data's) in the schema `<DATABASE_SCHEMA>_keys`.
 */
export interface KeySettings {
  /** Encrypt at rest (the default; ENCRYPT_AT_REST=0 turns it off): off, stored in the clear. */
  enabled: boolean
  file?: string | null
  url?: string | null
}
