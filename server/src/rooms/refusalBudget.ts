import type { RoomConnection } from './connection'

/**
 * Refused updates per connection per minute. An honest client is refused now and then (a phase
 * moved on under it) and starts over; a client that keeps sending refused updates makes the room
 * redo work for each, so past this budget its connection is closed.
 */
export class RefusalBudget {
  private readonly spent = new Map<RoomConnection, number[]>()

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one refusal; false when the connection is over its budget. */
  spend(conn: RoomConnection): boolean {
    const now = this.now()
    const recent = (this.spent.get(conn) ?? []).filter((t) => now - t < 60_000)
    recent.push(now)
    this.spent.set(conn, recent)
    return recent.length <= this.perMinute
  }

  forget(conn: RoomConnection): void {
    this.spent.delete(conn)
  }
}
