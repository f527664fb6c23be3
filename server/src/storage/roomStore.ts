/**
 * Durable storage of room documents: an append log of Yjs updates plus a compacted snapshot.
 * Every method is synchronous on purpose: an update is on disk before the room broadcasts it,
 * so nothing a client has seen can be lost by a crash of this process.
 */
export interface StoredRoom {
  /** The last snapshot (a full Yjs update), or null if the room was never compacted. */
  snapshot: Uint8Array | null
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[]
}

export interface RoomStore {
  /** Everything stored for a room; an unknown room gives `{ snapshot: null, updates: [] }`. */
  load(roomId: string): StoredRoom
  /** Appends one applied update to the room's log. Throws if it could not be stored. */
  append(roomId: string, update: Uint8Array): void
  /**
   * Replaces the snapshot and drops the log entries it covers, in one transaction.
   * `coveredUpdates` is how many log entries (oldest first) the snapshot includes.
   */
  compact(roomId: string, snapshot: Uint8Array, coveredUpdates: number): void
  /**
   * Removes everything stored for a room (snapshot and log), in one transaction, and leaves no
   * byte of it in any storage file when it returns. Called inside a caller's transaction it joins
   * it, and the caller makes the removal final once everything else has gone too.
   */
  erase(roomId: string): void
  /** Number of log entries and their bytes since the last snapshot. */
  logSize(roomId: string): { count: number; bytes: number }
}
