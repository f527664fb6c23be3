import * as Y from 'yjs'
import type { RoomStore } from '../storage/roomStore'
import { applySnapshot } from '../storage/snapshotChunks'
import type { RoomConnection } from './connection'
import type { PeerUpdate } from './roomPeers'
import type { SerialQueue } from './serialQueue'
import { PEER_ORIGIN } from './updateOrigin'

/** How long a gap in the log's sequence numbers may last before the room reads it back from storage. */
const GAP_WAIT_MS = 250

/** What the follower needs of its room. */
export interface LogFollowerHost {
  readonly id: string
  readonly doc: Y.Doc
  readonly store: RoomStore
  /** The room's queue: a read-back runs in order with storing and sending. */
  readonly queue: SerialQueue
  /** Whether other instances write to the same log (without them, this room is the only writer). */
  readonly shared: boolean
  isDestroyed(): boolean
  /** Handles a frame that was held during a read-back, if its connection is still there. */
  replay(conn: RoomConnection, data: Uint8Array): void
  log(line: string, fields?: Record<string, unknown>): void
}

/**
 * Keeps track of which entries of the room's stored log (by sequence number) the live document
 * holds, and with several instances keeps it in step: updates heard from peers out of order wait
 * in `ahead`; a gap that lasts, or a new connection, makes the room read the log back from
 * storage (another instance may have stored what it died before telling), holding that
 * connection's frames until then.
 */
export class LogFollower {
  /** Every log entry up to this seq is in the document (the snapshot a compaction may cover). */
  private storedSeq: number
  /** Log entries after storedSeq this document already holds (heard from peers out of order). */
  private readonly ahead = new Set<number>()
  /** Frames held while the room catches up from storage. */
  private held: Array<[RoomConnection, Uint8Array]> | null = null
  /** Waits (besides a read-back) that frames are held for. */
  private holders = 0
  private catchUpScheduled = false
  private gapTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly host: LogFollowerHost,
    storedSeq: number,
  ) {
    this.storedSeq = storedSeq
  }

  /** Every log entry up to here is in the document. */
  get upTo(): number {
    return this.storedSeq
  }

  /** Holds a frame while a read-back runs; false when frames are handled as they come. */
  hold(conn: RoomConnection, data: Uint8Array): boolean {
    if (!this.held) return false
    this.held.push([conn, data])
    return true
  }

  /** Holds every frame until `work` settles (then they are handled in the order they came). */
  holdWhile(work: Promise<unknown>): void {
    this.held ??= []
    this.holders++
    const done = () => {
      this.holders--
      if (!this.host.isDestroyed()) this.releaseHeld()
    }
    work.then(done, done)
  }

  /** Records that the document holds log entry `seq`. */
  markStored(seq: number): void {
    if (!this.host.shared) {
      // Alone: this room is the only writer, its own appends are all there is.
      this.storedSeq = Math.max(this.storedSeq, seq)
      return
    }
    if (seq <= this.storedSeq) return
    this.ahead.add(seq)
    while (this.ahead.delete(this.storedSeq + 1)) this.storedSeq++
  }

  /** Updates another instance stored: applied (the room sends them on), not stored again. */
  receivePeerUpdates(updates: readonly PeerUpdate[]): void {
    if (this.host.isDestroyed()) return
    try {
      for (const { seq, data } of updates) {
        if (seq <= this.storedSeq || this.ahead.has(seq)) continue
        Y.applyUpdate(this.host.doc, data, PEER_ORIGIN)
        this.markStored(seq)
      }
    } catch (error) {
      this.host.log('an update from another instance could not be applied', {
        error: (error as Error).message,
      })
    }
    this.checkGap()
  }

  /**
   * A gap in the sequence numbers (a message lost, or still on its way): if it is still there a
   * moment later, read the log back from storage.
   */
  checkGap(): void {
    if (this.gapTimer || this.host.isDestroyed() || !this.hasGap()) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null
      if (!this.host.isDestroyed() && this.hasGap()) this.catchUp({ holdFrames: false })
    }, GAP_WAIT_MS)
    this.gapTimer.unref()
  }

  /** Reads back from storage what other instances stored and this one has not heard of. */
  catchUp({ holdFrames }: { holdFrames: boolean }): void {
    if (holdFrames) this.held ??= []
    if (this.catchUpScheduled) return
    this.catchUpScheduled = true
    this.host.queue.enqueue(async () => {
      this.catchUpScheduled = false
      try {
        await this.readBack()
      } finally {
        this.releaseHeld()
      }
    })
  }

  /** Applies what storage holds after storedSeq; resolves once the document holds the whole log. */
  async readBack(): Promise<void> {
    const { doc, store, id } = this.host
    const stored = await store.loadSince(id, this.storedSeq)
    if (this.host.isDestroyed()) return
    doc.transact(() => {
      if (stored.snapshot) applySnapshot(doc, stored.snapshot, PEER_ORIGIN)
      for (const update of stored.updates) Y.applyUpdate(doc, update.data, PEER_ORIGIN)
    }, PEER_ORIGIN)
    if (stored.snapshot && stored.snapshotSeq > this.storedSeq) this.storedSeq = stored.snapshotSeq
    for (const update of stored.updates) this.markStored(update.seq)
    // What is still missing is not stored anywhere: nothing waits for it.
    const last = stored.updates.at(-1)?.seq ?? stored.snapshotSeq
    if (last > this.storedSeq) {
      this.storedSeq = last
      for (const seq of this.ahead) if (seq <= last) this.ahead.delete(seq)
    }
  }

  stop(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer)
    this.gapTimer = null
  }

  private hasGap(): boolean {
    const store = this.host.doc.store
    return this.ahead.size > 0 || store.pendingStructs !== null || store.pendingDs !== null
  }

  private releaseHeld(): void {
    if (this.holders > 0) return
    const held = this.held ?? []
    this.held = null
    for (let i = 0; i < held.length; i++) {
      // A replayed frame started a new wait: the rest wait behind it, still in order.
      if (this.held) {
        ;(this.held as Array<[RoomConnection, Uint8Array]>).push(...held.slice(i))
        return
      }
      const [conn, data] = held[i]!
      this.host.replay(conn, data)
    }
  }
}
