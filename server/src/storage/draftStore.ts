import type { DraftProgress, RevealedNote, SealedDraft } from '../../../shared/drafts/sealedDrafts'
import type { ReflectionSignOff } from '../../../shared/outcome/sealedReflection'

/** A draft of the asking author, as they get it back (on another device, say). */
export interface OwnDraft extends SealedDraft {
  zoneId: string
}

/** A stored draft as the reveal takes it: whose it is stays in the server. */
export interface StoredDraft extends OwnDraft {
  participantId: string
}

/** A note the reveal placed on the board, by its id on the board. */
export interface RevealedRow extends RevealedNote {
  noteId: string
}

/** The inbrenger's sealed reflection report of a meeting (outcome/sealedReflection.ts). */
export interface StoredReflection {
  authorId: string
  sealed: string
  updatedAt: number
  signOff: ReflectionSignOff | null
}

/**
 * Sealed drafts (drafts/sealedDrafts.ts): ciphertext the server cannot read, kept per author and
 * zone until the reveal places them on the board. Each author has their own draft ids: nobody can
 * take, overwrite or block another's. Lives beside the meetings (same database), so erasing a
 * meeting takes its drafts in the same transaction (MeetingStore.erase).
 */
export interface DraftStore {
  /** Replaces an author's drafts in one zone and their "klaar", in one transaction. */
  putDrafts(
    meetingId: string,
    participantId: string,
    zoneId: string,
    drafts: readonly SealedDraft[],
    ready: boolean,
  ): Promise<void>
  /** The author's own drafts not yet revealed, in every zone. */
  ownDrafts(meetingId: string, participantId: string): Promise<OwnDraft[]>
  /** Per person and zone: how many drafts, and "klaar". No content. */
  progress(meetingId: string): Promise<DraftProgress[]>
  /** Every stored draft of these zones, of every author (for the server's own reveal). */
  draftsIn(meetingId: string, zoneIds: readonly string[]): Promise<StoredDraft[]>
  /**
   * The reveal of these zones, in one transaction: their drafts and "klaar" go, the notes the
   * server placed for them are kept (with their author, for the rules; see RevealedNote).
   */
  reveal(meetingId: string, zoneIds: readonly string[], notes: readonly RevealedRow[]): Promise<void>
  /** Every note a reveal placed in this meeting. */
  revealed(meetingId: string): Promise<RevealedRow[]>
  /** The meeting's sealed reflection report, if its inbrenger stored one. */
  reflection(meetingId: string): Promise<StoredReflection | null>
  /** Stores the report sealed; the first write fixes its author. Leaves a sign-off as it is. */
  putReflection(meetingId: string, authorId: string, sealed: string, at: number): Promise<void>
  /** Records the begeleider's sign-off on the stored report. */
  signReflection(meetingId: string, signOff: ReflectionSignOff): Promise<void>
}
