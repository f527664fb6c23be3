import { meetingRoomId } from '../../../shared/wire'
import { blindIndex, encryptBytes, encryptText } from './atRest'
import { checkStorable, type ImportBatch, type ImportStore } from './importStore'
import type { CachedKeys } from './keyStore'

/**
 * An import stored as the encrypted stores store it (titles, names, boards under each meeting's
 * key). The keys are made before the one transaction; if it fails, they go again.
 */
export class EncryptedImportStore implements ImportStore {
  constructor(
    private readonly inner: ImportStore,
    private readonly keys: CachedKeys,
  ) {}

  async write(batch: ImportBatch): Promise<void> {
    // Checked on the plaintext: the refusal names the field as the file has it.
    checkStorable(batch)
    const scopes = batch.meetings.map((m) => meetingRoomId(m.meeting.id))
    try {
      const meetings = await Promise.all(
        batch.meetings.map(async (m) => {
          const scope = meetingRoomId(m.meeting.id)
          const key = (await this.keys.key(scope, true))!
          return {
            ...m,
            meeting: { ...m.meeting, title: encryptText(key, scope, m.meeting.title) },
            participants: m.participants.map((p) => ({
              ...p,
              name: encryptText(key, scope, p.name),
              nameKey: p.nameKey == null ? null : blindIndex(key, p.nameKey),
            })),
            board: { ...m.board, update: encryptBytes(key, m.roomId, m.board.update) },
          }
        }),
      )
      await this.inner.write({ ...batch, meetings })
    } catch (error) {
      for (const scope of scopes) await this.keys.destroy(scope).catch(() => {})
      throw error
    }
  }
}
