import type { RoleId } from '../../../shared/schema'

export interface MeetingRow {
  id: string
  templateId: string
  title: string
  facilitatorSecretHash: string
  inviteSecretHash: string
  progressJson: string
  createdAt: number
  /** Days the meeting is kept after its last activity; null: the operator's default. */
  retentionDays: number | null
}

/** The operator's retention settings (RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS). */
export interface RetentionPolicy {
  defaultDays: number
  maxDays: number
}

export const DAY_MS = 24 * 60 * 60 * 1000

export interface ParticipantRow {
  id: string
  meetingId: string
  name: string
  role: RoleId
  color: string
  tokenHash: string
  createdAt: number
  /** The group member this participant is (joined with their personal link); null: a guest. */
  memberId: string | null
  /** When the facilitator removed them; their token no longer opens anything. */
  removedAt: number | null
  /**
   * The name as compared for uniqueness (shared/people/displayName.ts); stored for a unique
   * index over the meeting's present participants. Null for rows from before (and imported ones).
   */
  nameKey?: string | null
}

/** A participant's name is already someone else's in this meeting (the unique index said so). */
export class NameTakenError extends Error {
  constructor() {
    super('display name taken in this meeting')
  }
}

/**
 * Meetings and their participants. Secrets and tokens only as hashes. Asynchronous, so it may
 * live across a network (Postgres); the embedded SQLite one resolves once the row is committed.
 */
export interface MeetingStore {
  insertMeeting(row: MeetingRow): Promise<void>
  meeting(id: string): Promise<MeetingRow | undefined>
  setProgress(id: string, progressJson: string): Promise<void>
  /** Replaces the invite secret's hash: the old invite link stops working with this write. */
  setInviteSecretHash(id: string, hash: string): Promise<void>
  insertParticipant(row: ParticipantRow): Promise<void>
  participantByTokenHash(tokenHash: string): Promise<ParticipantRow | undefined>
  participant(id: string): Promise<ParticipantRow | undefined>
  /** A meeting's participants (removed ones too, for the register), in the order they joined. */
  participants(meetingId: string): Promise<ParticipantRow[]>
  setRole(participantId: string, role: RoleId): Promise<void>
  /**
   * Gives the participant a new session token (a member joining again): the old one stops working.
   * Also brings back a removed member (the facilitator removed the session, not the person).
   */
  setTokenHash(participantId: string, tokenHash: string): Promise<void>
  /** Removes the participant: their token is replaced by `revokedHash` (nobody holds its secret). */
  removeParticipant(participantId: string, at: number, revokedHash: string): Promise<void>
  /**
   * Erases the meeting, its participants (names, session tokens) and everything stored for its
   * room, in ONE transaction. When it resolves no byte of any of them is left in storage.
   */
  erase(meetingId: string, roomId: string): Promise<void>
  setRetentionDays(id: string, days: number | null): Promise<void>
  /**
   * Meetings whose room was last active (or, never touched, that were made) more than their
   * retention ago at `now`: their own days, else the default, never more than the maximum.
   * Oldest first, at most `limit`.
   */
  expired(now: number, policy: RetentionPolicy, limit: number): Promise<string[]>
}
