import type { RoomConnection } from './connection'

/**
 * Where a change to a room's document came from, as the transaction origin. Typed, so the
 * room and its guard never guess from the shape of an object.
 */
export type UpdateOrigin =
  | { kind: 'connection'; conn: RoomConnection }
  /** The server's own writes: meeting state, the board a method lays out. */
  | { kind: 'server' }
  /** Replaying what storage holds; not stored again, not broadcast. */
  | { kind: 'load' }
  /** Stored by another instance (or read back from storage to catch up): broadcast, not stored again. */
  | { kind: 'peer' }

export const SERVER_ORIGIN: UpdateOrigin = Object.freeze({ kind: 'server' })
export const LOAD_ORIGIN: UpdateOrigin = Object.freeze({ kind: 'load' })
export const PEER_ORIGIN: UpdateOrigin = Object.freeze({ kind: 'peer' })

export function fromConnection(conn: RoomConnection): UpdateOrigin {
  return { kind: 'connection', conn }
}

/** Reads a transaction origin; only the room sets origins, so anything else is a bug. */
export function asUpdateOrigin(origin: unknown): UpdateOrigin {
  if (origin && typeof origin === 'object' && 'kind' in origin) return origin as UpdateOrigin
  throw new Error(`unexpected transaction origin ${String(origin)}`)
}
