/** How often a busy room writes its activity time: the retention counts in days, not in edits. */
export const ACTIVITY_WRITE_EVERY_MS = 60_000

/**
 * Remembers when each room was last active and writes that to storage at most once a minute per
 * room (on an update stored, a connection opened). A failed write is logged and tried again at
 * the next activity: the time only decides when a room is swept, and a later write wins anyway.
 */
export class ActivityTracker {
  /** When each room's time was last written (by this process). */
  private readonly written = new Map<string, number>()

  constructor(
    private readonly write: (roomId: string, at: number) => Promise<void>,
    private readonly now: () => number,
    private readonly log: (line: string, fields?: Record<string, unknown>) => void = () => {},
  ) {}

  touch(roomId: string): void {
    const at = this.now()
    const last = this.written.get(roomId)
    if (last !== undefined && at - last < ACTIVITY_WRITE_EVERY_MS && at >= last) return
    this.written.set(roomId, at)
    this.prune(at)
    this.write(roomId, at).catch((error) => {
      if (this.written.get(roomId) === at) this.written.delete(roomId)
      this.log('writing a room activity time failed', { room: roomId, error: String(error) })
    })
  }

  /** The room was erased: its next activity (a new free board of the same link) writes at once. */
  forget(roomId: string): void {
    this.written.delete(roomId)
  }

  /** Entries older than the write interval decide nothing any more; keeps the map small. */
  private prune(at: number): void {
    if (this.written.size < 10_000) return
    for (const [roomId, last] of this.written)
      if (at - last >= ACTIVITY_WRITE_EVERY_MS) this.written.delete(roomId)
  }
}
