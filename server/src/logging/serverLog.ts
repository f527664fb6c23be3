import { createHmac, randomBytes } from 'node:crypto'
import { MEETING_ROOM_PREFIX } from '../../../shared/wire'

export type Log = (line: string, fields?: Record<string, unknown>) => void

export interface ServerLogOptions {
  /** Lines of one kind (the same `line`) per second, sustained; ten seconds' worth at once. */
  linesPerSecond: number
  /** How often a summary of the lines left out is written (ms). */
  summaryEveryMs?: number
  now?: () => number
}

/** Longest string value written in a log line; an error message can carry a whole request. */
const MAX_FIELD_CHARS = 500

/**
 * Every log line of the server passes here, so two promises hold for all of them:
 * - a flood cannot grow the log by megabytes: each kind of line has a token bucket, lines over it
 *   are counted and written once as a summary (`log lines left out`);
 * - no line carries a free board's link: its room id is the board's only key, so the `room` field
 *   (and any text that repeats it) shows a keyed hash instead. The key is new each start: the log
 *   cannot be matched against a guessed room id, and an erased board's id is nowhere.
 *   Meeting rooms are named after their meeting id, which opens nothing without a link's secret.
 */
export function createServerLog(write: Log, options: ServerLogOptions): Log & { close(): void } {
  const now = options.now ?? (() => performance.now())
  const perSecond = options.linesPerSecond
  const burst = perSecond * 10
  const buckets = new Map<string, { tokens: number; at: number; leftOut: number }>()
  const key = randomBytes(32)

  const summarize = (): void => {
    for (const [line, bucket] of buckets) {
      if (bucket.leftOut > 0) write('log lines left out', { line, count: bucket.leftOut })
      bucket.leftOut = 0
      // Full buckets carry no news: forget them, so the map holds only recent kinds.
      if (bucket.tokens >= burst) buckets.delete(line)
    }
  }
  const timer = setInterval(summarize, options.summaryEveryMs ?? 10_000)
  timer.unref()

  const admit = (line: string): boolean => {
    const t = now()
    const bucket = buckets.get(line) ?? { tokens: burst, at: t, leftOut: 0 }
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond)
    bucket.at = t
    buckets.set(line, bucket)
    if (bucket.tokens < 1) {
      bucket.leftOut++
      return false
    }
    bucket.tokens -= 1
    return true
  }

  const log = ((line: string, fields?: Record<string, unknown>) => {
    try {
      if (!admit(line)) return
      write(line, fields ? scrub(fields, key) : undefined)
    } catch {
      // Logging never takes anything else down.
    }
  }) as Log & { close(): void }
  log.close = () => {
    clearInterval(timer)
    summarize()
  }
  return log
}

/** A free board's room id as the log may show it: a short keyed hash. */
export function hashedRoom(roomId: string, key: Buffer): string {
  return `board#${createHmac('sha256', key).update(roomId).digest('hex').slice(0, 16)}`
}

function scrub(fields: Record<string, unknown>, key: Buffer): Record<string, unknown> {
  const room = fields.room
  const secret = typeof room === 'string' && !room.startsWith(MEETING_ROOM_PREFIX) ? room : null
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string') {
      out[name] = value
      continue
    }
    let text = value
    if (secret !== null) text = text.split(secret).join(hashedRoom(secret, key))
    out[name] = text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}…` : text
  }
  return out
}
