import type { RoleId } from '../../../shared/schema'
import { meetingRoomId } from '../../../shared/wire'
import { blindIndex, decryptText, encryptText } from './atRest'
import type { CachedKeys } from './keyStore'
import type { MeetingRow, MeetingStore, ParticipantRow, RetentionPolicy } from './meetingStore'

/**
 * A MeetingStore whose meeting title and participants' names are stored encrypted with the key of
 * the meeting's room (atRest.ts), and whose unique index over names holds keyed hashes, not names.
 * Erasing the meeting destroys the key. Rows from before are read as they are.
 */
export class EncryptedMeetingStore implements MeetingStore {
  constructor(
    private readonly inner: MeetingStore,
    private readonly keys: CachedKeys,
  ) {}

  private key(meetingId: string, create: boolean) {
    return this.keys.key(meetingRoomId(meetingId), create)
  }

  async insertMeeting(row: MeetingRow): Promise<void> {
    const key = (await this.key(row.id, true))!
    await this.inner.insertMeeting({ ...row, title: encryptText(key, meetingRoomId(row.id), row.title) })
  }

  async meeting(id: string): Promise<MeetingRow | undefined> {
    const row = await this.inner.meeting(id)
    if (!row) return row
    return { ...row, title: decryptText(await this.key(id, false), meetingRoomId(id), row.title) }
  }

  async insertParticipant(row: ParticipantRow): Promise<void> {
    const key = (await this.key(row.meetingId, true))!
    await this.inner.insertParticipant({
      ...row,
      name: encryptText(key, meetingRoomId(row.meetingId), row.name),
      nameKey: row.nameKey == null ? null : blindIndex(key, row.nameKey),
    })
  }

  async participantByTokenHash(tokenHash: string): Promise<ParticipantRow | undefined> {
    return this.readable(await this.inner.participantByTokenHash(tokenHash))
  }

  async participant(id: string): Promise<ParticipantRow | undefined> {
    return this.readable(await this.inner.participant(id))
  }

  async participants(meetingId: string): Promise<ParticipantRow[]> {
    const rows = await this.inner.participants(meetingId)
    if (rows.length === 0) return rows
    const key = await this.key(meetingId, false)
    return rows.map((row) => ({ ...row, name: decryptText(key, meetingRoomId(meetingId), row.name) }))
  }

  /** A participant's stored name made readable (for the group stores' one-time move of members). */
  readonly readName = async (meetingId: string, stored: string): Promise<string> =>
    decryptText(await this.key(meetingId, false), meetingRoomId(meetingId), stored)

  /** The rows, then the key: a copy of a row anywhere (WAL, backup) is unreadable from then on. */
  async erase(meetingId: string, roomId: string): Promise<void> {
    await this.inner.erase(meetingId, roomId)
    await this.keys.destroy(roomId)
    await this.keys.destroy(meetingRoomId(meetingId))
  }

  setProgress(id: string, progressJson: string) {
    return this.inner.setProgress(id, progressJson)
  }
  setInviteSecretHash(id: string, hash: string) {
    return this.inner.setInviteSecretHash(id, hash)
  }
  setRole(participantId: string, role: RoleId) {
    return this.inner.setRole(participantId, role)
  }
  setTokenHash(participantId: string, tokenHash: string) {
    return this.inner.setTokenHash(participantId, tokenHash)
  }
  removeParticipant(participantId: string, at: number, revokedHash: string) {
    return this.inner.removeParticipant(participantId, at, revokedHash)
  }
  setRetentionDays(id: string, days: number | null) {
    return this.inner.setRetentionDays(id, days)
  }
  expired(now: number, policy: RetentionPolicy, limit: number) {
    return this.inner.expired(now, policy, limit)
  }

  private async readable(row: ParticipantRow | undefined): Promise<ParticipantRow | undefined> {
    if (!row) return row
    const key = await this.key(row.meetingId, false)
    return { ...row, name: decryptText(key, meetingRoomId(row.meetingId), row.name) }
  }
}
