import type { Redis } from 'ioredis'
import { ApiError } from '../http/apiError'
import { InstanceLease } from './instanceLease'

/** Failure to confirm a command everywhere: stored, but the caller is told it is not (yet) in force. */
export function notConfirmed(detail: string): ApiError {
  return new ApiError(
    503,
    'not_confirmed',
    `Not every server instance could confirm this change (${detail}); it is stored and takes effect on each once it has read it. Try again.`,
  )
}

/**
 * Waits until every live instance (one with a lease key) other than this one has confirmed a
 * meeting command, or its lease ran out (then it refuses to judge until it has read the meeting
 * again). Works for any meeting command: the caller publishes it and feeds acks in.
 */
export class CommandConfirmation {
  private readonly confirmed = new Set<string>()
  private wake: (() => void) | null = null

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly self: string,
    private readonly deadlineMs: number,
    private readonly pollMs = 150,
  ) {}

  /** An instance confirmed the command is in force there. */
  ack(from: string): void {
    this.confirmed.add(from)
    this.wake?.()
  }

  /** Resolves once confirmed everywhere; rejects (503) on a Redis failure or at the deadline. */
  async wait(): Promise<void> {
    const deadline = Date.now() + this.deadlineMs
    let members: string[]
    try {
      members = await this.redis.smembers(InstanceLease.setKey(this.prefix))
    } catch (error) {
      throw notConfirmed(`Redis: ${(error as Error).message}`)
    }
    let pending = members.filter((id) => id !== this.self)
    while (true) {
      pending = pending.filter((id) => !this.confirmed.has(id))
      if (pending.length === 0) return
      let alive: Array<string | null>
      try {
        alive = await this.redis.mget(pending.map((id) => InstanceLease.keyOf(this.prefix, id)))
      } catch (error) {
        throw notConfirmed(`Redis: ${(error as Error).message}`)
      }
      const gone = pending.filter((_, i) => alive[i] === null)
      if (gone.length > 0) {
        this.redis.srem(InstanceLease.setKey(this.prefix), ...gone).catch(() => {})
        pending = pending.filter((id) => !gone.includes(id))
        continue
      }
      if (Date.now() > deadline) throw notConfirmed(`${pending.length} instance(s) did not answer`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = null
    }
  }
}
