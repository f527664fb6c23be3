import type { RoomConnection } from './connection'

/**
 * Presence bytes per second per participant, over all their sockets in the room (a free board's
 * connection counts alone: it has no participant). Every presence state is sent on to everyone in
 * the room, so what one participant sends, all receive. Counted are the bytes of the sender's own
 * state (what the room would pass on), not the echo of others' that a stock client adds. Over
 * the budget a state is not passed on at once: the connection's latest waits until the budget
 * allows it and earlier ones are dropped (coalesced), so the others still see where the cursor
 * ended up, never faster than the budget. The bucket holds one second's worth.
 */
export class PresenceBudget {
  private readonly buckets = new Map<string, { bytes: number; at: number }>()
  private readonly waiting = new Map<RoomConnection, { frame: Uint8Array; timer: NodeJS.Timeout }>()

  constructor(
    private readonly bytesPerSecond: number,
    /** Passes a frame on (the room's own handling of a presence frame that is within budget). */
    private readonly deliver: (conn: RoomConnection, frame: Uint8Array) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A connection's own presence: passed on now, or kept as its latest until the budget allows. */
  receive(conn: RoomConnection, frame: Uint8Array): void {
    const waiting = this.waiting.get(conn)
    if (waiting) {
      // Behind a frame that already waits: only the latest is ever sent.
      waiting.frame = frame
      return
    }
    const wait = this.spend(conn, frame.byteLength)
    if (wait === 0) {
      this.deliver(conn, frame)
      return
    }
    const timer = setTimeout(() => this.retry(conn), wait)
    timer.unref()
    this.waiting.set(conn, { frame, timer })
  }

  forget(conn: RoomConnection): void {
    const waiting = this.waiting.get(conn)
    if (waiting) clearTimeout(waiting.timer)
    this.waiting.delete(conn)
    if (!conn.identity) this.buckets.delete(conn.id)
  }

  close(): void {
    for (const { timer } of this.waiting.values()) clearTimeout(timer)
    this.waiting.clear()
  }

  /** Runs on a timer, outside any frame's catch: the room's handler has its own. */
  private retry(conn: RoomConnection): void {
    const waiting = this.waiting.get(conn)
    this.waiting.delete(conn)
    if (!waiting) return
    this.receive(conn, waiting.frame)
  }

  /** Takes `bytes` from the owner's bucket: 0 when taken, else the ms until they would be there. */
  private spend(conn: RoomConnection, bytes: number): number {
    const owner = conn.identity?.participantId ?? conn.id
    const t = this.now()
    const bucket = this.buckets.get(owner) ?? { bytes: this.bytesPerSecond, at: t }
    bucket.bytes = Math.min(
      this.bytesPerSecond,
      bucket.bytes + ((t - bucket.at) / 1000) * this.bytesPerSecond,
    )
    bucket.at = t
    this.buckets.set(owner, bucket)
    // A frame larger than a whole second's budget waits for a full bucket, and then goes.
    const cost = Math.min(bytes, this.bytesPerSecond)
    if (bucket.bytes >= cost) {
      bucket.bytes -= cost
      return 0
    }
    return Math.ceil(((cost - bucket.bytes) / this.bytesPerSecond) * 1000)
  }
}
