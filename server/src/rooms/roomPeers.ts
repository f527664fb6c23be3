/** A stored update as the other instances hear of it: its place in the room's log and its bytes. */
export interface PeerUpdate {
  seq: number
  data: Uint8Array
}

/** What a room hears from the other instances that hold it. */
export interface PeerHandlers {
  /** Updates another instance stored (in its append order). */
  updates(updates: readonly PeerUpdate[]): void
  /** Presence another instance's connections sent (an awareness update). */
  awareness(update: Uint8Array): void
}

/**
 * The other server processes that may hold the same room (several instances: cluster/). A room
 * without peers is alone: its own log tells it everything.
 */
export interface RoomPeers {
  /** Starts hearing a room; resolves once subscribed. The returned function stops it. */
  subscribe(roomId: string, handlers: PeerHandlers): Promise<() => void>
  /** Tells the others about updates this instance stored (after they were stored). */
  publishUpdates(roomId: string, updates: readonly PeerUpdate[]): void
  /** Tells the others about presence this instance's connections changed. */
  publishAwareness(roomId: string, update: Uint8Array): void
  /**
   * Runs `fn` while this instance holds the room's compaction lease (one instance at a time);
   * resolves false without running it when another instance holds it.
   */
  withCompactionLease(roomId: string, fn: () => Promise<void>): Promise<boolean>
}
