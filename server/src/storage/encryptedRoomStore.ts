import { decryptBytes, encryptBytes } from './atRest'
import type { CachedKeys } from './keyStore'
import type { LoadOptions, RoomStore, StoredRoom } from './roomStore'

/**
 * A RoomStore whose updates and snapshots are stored encrypted with their room's key (atRest.ts);
 * erasing the room destroys the key. Rooms from before are read as they are and are written
 * encrypted from now on: their next compaction replaces the plaintext log with an encrypted
 * snapshot. The room code above sees plaintext, as before.
 */
export class EncryptedRoomStore implements RoomStore {
  constructor(
    private readonly inner: RoomStore,
    private readonly keys: CachedKeys,
  ) {}

  /**
   * A room coming into memory reads its key from the store again: another instance may have erased
   * the room (and its key) since this one cached it, and a new board there needs a new key.
   */
  async load(roomId: string, options?: LoadOptions): Promise<StoredRoom> {
    this.keys.forget(roomId)
    return this.decrypt(roomId, await this.inner.load(roomId, options))
  }

  async loadSince(roomId: string, seq: number): Promise<StoredRoom> {
    return this.decrypt(roomId, await this.inner.loadSince(roomId, seq))
  }

  async append(roomId: string, updates: readonly Uint8Array[]): Promise<number[] | null> {
    const key = (await this.keys.key(roomId, true))!
    const seqs = await this.inner.append(
      roomId,
      updates.map((update) => encryptBytes(key, roomId, update)),
    )
    // An erased room takes nothing (several instances): nor does it keep the key just made for it.
    if (seqs === null) await this.keys.destroy(roomId)
    return seqs
  }

  async compact(roomId: string, snapshot: Uint8Array, upToSeq: number, schema: string): Promise<void> {
    const key = (await this.keys.key(roomId, true))!
    await this.inner.compact(roomId, encryptBytes(key, roomId, snapshot), upToSeq, schema)
  }

  /** The rows, then the key: a copy of a row anywhere (WAL, backup) is unreadable from then on. */
  async erase(roomId: string): Promise<void> {
    await this.inner.erase(roomId)
    await this.keys.destroy(roomId)
  }

  touch(roomId: string, at: number, options: { create: boolean }) {
    return this.inner.touch(roomId, at, options)
  }
  lastActivity(roomId: string) {
    return this.inner.lastActivity(roomId)
  }
  idleRooms(before: number, options: { exceptPrefix: string; limit: number }) {
    return this.inner.idleRooms(before, options)
  }

  private async decrypt(roomId: string, stored: StoredRoom): Promise<StoredRoom> {
    if (stored.snapshot === null && stored.updates.length === 0) return stored
    const key = await this.keys.key(roomId, false)
    return {
      ...stored,
      snapshot: stored.snapshot && decryptBytes(key, roomId, stored.snapshot),
      updates: stored.updates.map((u) => ({ seq: u.seq, data: decryptBytes(key, roomId, u.data) })),
    }
  }
}
