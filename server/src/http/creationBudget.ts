import type { IncomingMessage } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import { clientAddress } from '../rooms/clientAddress'
import { ApiError } from './apiError'

/** Addresses remembered at most; past it, addresses whose bucket is full again are forgotten. */
const MAX_ADDRESSES = 10_000

/**
 * What one address may make: meetings, groups, free boards and imports each cost one token of a
 * bucket per address (LIMIT_CREATES_PER_HOUR, LIMIT_CREATE_BURST). Each of them costs disk and
 * memory that no credential pays for, so a script at one address cannot fill the server.
 */
export class CreationBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly perHour: number,
    private readonly burst: number,
    private readonly trustProxy: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Spends one token of `req`'s address; null when spent, else the seconds until one is back. */
  spend(req: IncomingMessage): number | null {
    const address = clientAddress(req, this.trustProxy)
    const t = this.now()
    const bucket = this.buckets.get(address) ?? { tokens: this.burst, at: t }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((t - bucket.at) / 3_600_000) * this.perHour)
    bucket.at = t
    if (!this.buckets.has(address)) {
      if (this.buckets.size >= MAX_ADDRESSES) this.forgetFull()
      this.buckets.set(address, bucket)
    }
    if (bucket.tokens < 1) return Math.ceil(((1 - bucket.tokens) / this.perHour) * 3600)
    bucket.tokens -= 1
    return null
  }

  /** The refusal for an address over its budget (HTTP 429). */
  static refusal(retryAfter: number): ApiError {
    return new ApiError(
      429,
      'too_many_creations',
      `Too much was created from your address; try again in ${retryAfter} s.`,
      { retryAfter },
    )
  }

  /** As Hono middleware, before the route reads its body. */
  middleware(): MiddlewareHandler<{ Bindings: { incoming: IncomingMessage } }> {
    return async (c, next) => {
      const retryAfter = this.spend(c.env.incoming)
      if (retryAfter !== null) {
        c.header('Retry-After', String(retryAfter))
        throw CreationBudget.refusal(retryAfter)
      }
      await next()
    }
  }

  private forgetFull(): void {
    const t = this.now()
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + ((t - bucket.at) / 3_600_000) * this.perHour >= this.burst)
        this.buckets.delete(address)
    }
  }
}
