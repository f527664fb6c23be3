import type { TLInstancePresence } from 'tldraw'

/**
 * A tldraw presence record in the two parts that travel apart (shared/presenceCursor.ts):
 * the slow part, with the cursor's type and rotation but not where it is, and the position.
 */
export interface PresenceParts {
  slow: Record<string, unknown> | null
  at: [number, number] | null
}

export function splitPresence(presence: TLInstancePresence | null): PresenceParts {
  if (!presence) return { slow: null, at: null }
  const { cursor, ...rest } = presence
  if (!cursor) return { slow: { ...rest, cursor: null }, at: null }
  const { x, y, ...look } = cursor
  return { slow: { ...rest, cursor: look }, at: [x, y] }
}

/** What tells whether the slow part changed: it all but the activity time, which moves with the pointer. */
export function slowKey(slow: Record<string, unknown> | null): string {
  if (!slow) return 'null'
  const { lastActivityTimestamp: _, ...rest } = slow
  return JSON.stringify(rest)
}

/**
 * The record another client's parts make: its cursor where its cursor entry last put it (a
 * client that sends the whole record keeps its own), active as of the latest move we received.
 */
export function composePresence(
  slow: Record<string, unknown>,
  cursor: { x: number; y: number; receivedAt: number } | null,
): Record<string, unknown> {
  const look = slow.cursor as Record<string, unknown> | null | undefined
  if (!look || typeof look !== 'object') return { ...slow, cursor: null }
  const whole = typeof look.x === 'number' && typeof look.y === 'number'
  if (!cursor) return whole ? slow : { ...slow, cursor: null }
  const activity = typeof slow.lastActivityTimestamp === 'number' ? slow.lastActivityTimestamp : 0
  return {
    ...slow,
    cursor: { ...look, x: cursor.x, y: cursor.y },
    lastActivityTimestamp: Math.max(activity, cursor.receivedAt),
  }
}
