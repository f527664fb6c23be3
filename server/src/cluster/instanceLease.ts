import { performance } from 'node:perf_hooks'
import type { Redis } from 'ioredis'

export interface InstanceLeaseOptions {
  prefix: string
  instanceId: string
  /** How long a lease lasts unrenewed (default 3 s). */
  leaseMs: number
  /** How often it is renewed (default 1 s). */
  renewMs: number
  log?: (line: string, fields?: Record<string, unknown>) => void
}

/**
 * This instance's word that it holds current meeting state, as a key in Redis that expires by
 * itself (SET PX). Other instances wait for it to confirm a meeting command, or for its key to run
 * out; so it judges updates only while its own lease runs, counted from the moment it *asked* for
 * the renewal (never later than Redis lets the key go). A stall, a partition or a Redis restart
 * lets it lapse: from then on it refuses to judge until it has renewed and read again every
 * meeting it holds (`catchUp`), since commands made meanwhile were announced without it. While
 * lapsed it still reads the meetings each round, so an erase it missed closes its connections.
 */
export class InstanceLease {
  /** performance.now() until which this instance may judge. */
  private validUntil = 0
  /** It has read every meeting since it last lapsed or missed a message. */
  private caughtUp = true
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private stopped = false

  constructor(
    private readonly redis: Redis,
    private readonly options: InstanceLeaseOptions,
    /** Whether the connection that hears the other instances is up (else no lease is taken). */
    private readonly hearing: () => boolean,
    /** Reads every meeting this instance holds again; closes the rooms of erased ones. */
    private readonly catchUp: () => Promise<void>,
  ) {}

  get key(): string {
    return InstanceLease.keyOf(this.options.prefix, this.options.instanceId)
  }

  static keyOf(prefix: string, instanceId: string): string {
    return `${prefix}instance:${instanceId}`
  }

  static setKey(prefix: string): string {
    return `${prefix}instances`
  }

  /** Whether this instance may judge updates and take commands now. */
  current(): boolean {
    return this.caughtUp && performance.now() < this.validUntil
  }

  /** Takes the first lease (throws when Redis does not answer) and renews it every round. */
  async start(): Promise<void> {
    await this.renew()
    this.schedule()
  }

  /**
   * Something this instance should have heard may be lost (a message it could not apply, the
   * connection that hears the others dropped): it gives up its lease at once, so nobody waits for
   * it, and judges nothing until it has read the meetings again.
   */
  missed(): void {
    this.caughtUp = false
    this.validUntil = 0
    this.redis.del(this.key).catch(() => {})
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running?.catch(() => {})
    await this.redis.del(this.key).catch(() => {})
    await this.redis.srem(InstanceLease.setKey(this.options.prefix), this.options.instanceId).catch(() => {})
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.round().finally(() => {
        this.running = null
        this.schedule()
      })
    }, this.options.renewMs)
    this.timer.unref()
  }

  private async round(): Promise<void> {
    const lapsed = !this.current()
    if (lapsed) this.caughtUp = false
    try {
      if (!this.hearing()) throw new Error('not hearing the other instances')
      await this.renew()
    } catch (error) {
      if (!lapsed) this.options.log?.('instance lease not renewed', { error: (error as Error).message })
      // Cannot be current; still closes what was erased meanwhile (read through Postgres).
      if (!this.current()) await this.catchUp().catch(() => {})
      return
    }
    if (this.caughtUp) return
    try {
      await this.catchUp()
      // Only if the lease it read under still runs: a read during a new stall proves nothing.
      if (performance.now() < this.validUntil) {
        this.caughtUp = true
        this.options.log?.('instance lease renewed; meetings read again')
      }
    } catch (error) {
      this.options.log?.('meetings could not be read again', { error: (error as Error).message })
    }
  }

  private async renew(): Promise<void> {
    const askedAt = performance.now()
    await this.redis
      .multi()
      .set(this.key, '1', 'PX', this.options.leaseMs)
      .sadd(InstanceLease.setKey(this.options.prefix), this.options.instanceId)
      .exec()
    this.validUntil = askedAt + this.options.leaseMs
  }
}
