import type { DraftProgress, ReleasedDraft, SealedDraft } from '../../../templates/src/drafts/sealedDrafts'

/** A draft of the asking author, as they get it back (on another device, say). */
export interface OwnDraft extends SealedDraft {
  zoneId: string
}

/**
 * Sealed drafts (drafts/sealedDrafts.ts): ciphertext the server cannot read, kept per author and
 * zone until the reveal releases them. Lives beside the meetings (same database), so erasing a
 * meeting takes its drafts in the same transaction (MeetingStore.erase).
 */
export interface DraftStore {
  /**
   * Replaces an author's drafts in one zone and their "klaar", in one transaction. Rejects with
   * DraftIdTaken when a shape id is already another author's draft in this meeting.
   */
  putDrafts(
    meetingId: string,
    participantId: string,
    zoneId: string,
    drafts: readonly SealedDraft[],
    ready: boolean,
  ): Promise<void>
  /** The author's own unreleased drafts, in every zone. */
  ownDrafts(meetingId: string, participantId: string): Promise<OwnDraft[]>
  /** Per person and zone: how many drafts, and "klaar". No content. */
  progress(meetingId: string): Promise<DraftProgress[]>
  /**
   * Releases every draft of these zones, in one transaction: they leave the authors' keeping and
   * wait for the begeleider's browser. Anonymous: the author is not kept, not even in storage.
   */
  release(meetingId: string, zoneIds: readonly string[], anonymous: boolean): Promise<void>
  /** Released drafts not yet on the board. */
  released(meetingId: string): Promise<ReleasedDraft[]>
  /** Released drafts now on the board: nothing of them stays here. */
  dropReleased(meetingId: string, shapeIds: readonly string[]): Promise<void>
}

export class DraftIdTaken extends Error {
  constructor(readonly shapeId: string) {
    super(`shape id ${shapeId} is another author's draft`)
  }
}
