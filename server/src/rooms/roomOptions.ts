import type * as Y from 'yjs'
import type { Refusal } from '../../../shared/wire'
import type { AwarenessEntry, AwarenessLimits } from './awarenessFrame'
import type { RoomConnection } from './connection'
import type { RoomPeers } from './roomPeers'
import type { UpdateLimits, UpdateSection } from './updateScan'

/**
 * What a guard and a presence filter see of their room (room.ts implements it): named here so
 * the options need not import the room that takes them.
 */
export interface RoomView {
  readonly id: string
  readonly doc: Y.Doc
  /** The connection whose presence holds this Yjs client id, if any. */
  presenceOwner(clientId: number): RoomConnection | undefined
}

/**
 * Decides whether a connection's update may change the room, by what it would do. Made per
 * room; told of every update the live document applied, so it can keep its own view in step.
 */
export interface UpdateGuard {
  /**
   * Something to read or record before `check` can judge these sections (who owns a new client
   * id): the room holds its frames until it resolves, then judges them in order. Null: judge now.
   */
  prepare?(conn: RoomConnection, sections: readonly UpdateSection[]): Promise<void> | null
  check(conn: RoomConnection, update: Uint8Array, sections: readonly UpdateSection[]): Refusal | null
  /** The update check() allowed has been applied to the live document. */
  accepted(): void
  /** The server changed the live document itself. */
  serverChanged(update: Uint8Array): void
  destroy(): void
}

/**
 * Rewrites a connection's presence states (ties them to the connection's identity, hides what
 * the room's records say nobody may point at) or drops them.
 */
export interface AwarenessFilter {
  filter(conn: RoomConnection, entries: AwarenessEntry[], room: RoomView): AwarenessEntry[]
}

export interface RoomOptions {
  guard?: (room: RoomView) => UpdateGuard
  awarenessFilter?: AwarenessFilter
  /** Compact the log into a snapshot after this many stored updates. */
  compactEvery?: number
  updateLimits?: UpdateLimits
  awarenessLimits?: AwarenessLimits
  /** Presence bytes per second per participant, over all their sockets (presenceBudget.ts). */
  presenceBytesPerSecond?: number
  /** Refused updates a connection may send per minute before it is closed. */
  refusalsPerMinute?: number
  /**
   * Make the room in storage if storage never saw it (default true: free boards). Meeting rooms
   * are made with their meeting, so a late write cannot bring back an erased meeting's room.
   */
  createInStorage?: boolean
  /** Runs before the room is loaded, e.g. to read the meeting state its guard judges by. */
  prepare?: () => Promise<void>
  /** The other instances that hold this room (several instances); none: this process is alone. */
  peers?: RoomPeers
  /** Someone is active here: an update was stored or a connection opened (the retention's clock). */
  onActivity?: () => void
  log?: (line: string, fields?: Record<string, unknown>) => void
}
