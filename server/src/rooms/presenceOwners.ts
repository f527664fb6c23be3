import * as awarenessProtocol from 'y-protocols/awareness'
import { cursorClientId, cursorState, isCursorState } from '../../../shared/presenceCursor'
import type { AwarenessEntry } from './awarenessFrame'
import type { RoomConnection } from './connection'

/**
 * Which presence (awareness client id) belongs to which connection: one each, plus the cursor
 * entry derived from it (shared/presenceCursor.ts), which only that connection may write. A connection
 * cannot write or remove another's presence, and cannot fill the room with thousands of states;
 * when it announces a new id (a client that started over), its old state goes.
 */
export class PresenceOwners {
  private readonly byConnection = new Map<RoomConnection, number>()
  private readonly byClientId = new Map<number, RoomConnection>()
  /** A connection's cursor entry id, once it has written one. */
  private readonly cursorByConnection = new Map<RoomConnection, number>()

  /** Whether `conn` may speak for `clientId`; takes the id for it if it is free. */
  claim(
    conn: RoomConnection,
    clientId: number,
    awareness: awarenessProtocol.Awareness,
    /** The state the connection sends for it; null: a removal. */
    state: unknown = {},
  ): boolean {
    if (clientId === awareness.clientID) return false // the server's own id
    const owner = this.byClientId.get(clientId)
    // Someone's cursor entry is nobody's presence.
    if (owner && this.cursorByConnection.get(owner) === clientId) return false
    if (owner === conn) return true
    // The same participant on a new connection (the old one has not timed out yet) takes it
    // over, as the first presence that connection speaks for; anonymous connections (free boards)
    // never take another's. A connection that already has its own is echoing (a stock client
    // sends on every presence it receives): taking over then made a person's second device
    // carry off their first one's presence, and they showed as gone when it closed.
    if (owner && (!sameParticipant(owner, conn) || this.byConnection.has(conn))) return false
    // Held here from another instance under another participant's name: an echo (a client with no
    // presence of its own yet sends the ones it receives). Taking it made her client id this
    // connection's, and her first write after moving here was refused in someone else's name.
    if (!owner && heldForAnother(awareness, clientId, conn)) return false
    // A removal of a presence nobody here speaks for is an echo too (of a colleague leaving
    // another instance): there is nothing to take.
    if (!owner && state === null) return false
    if (owner) {
      // The person's new connection takes their cursor entry along.
      this.byConnection.delete(owner)
      const cursor = this.cursorByConnection.get(owner)
      this.cursorByConnection.delete(owner)
      if (cursor !== undefined) {
        this.cursorByConnection.set(conn, cursor)
        this.byClientId.set(cursor, conn)
      }
    }
    const previous = this.byConnection.get(conn)
    if (previous !== undefined) {
      const gone = [previous]
      this.byClientId.delete(previous)
      const cursor = this.cursorByConnection.get(conn)
      if (cursor !== undefined) {
        this.cursorByConnection.delete(conn)
        this.byClientId.delete(cursor)
        gone.push(cursor)
      }
      const present = gone.filter((id) => awareness.states.has(id))
      if (present.length > 0) awarenessProtocol.removeAwarenessStates(awareness, present, null)
    }
    this.byConnection.set(conn, clientId)
    this.byClientId.set(clientId, conn)
    return true
  }

  /**
   * Whether `clientId` is the cursor entry of the presence `conn` speaks for (and it may write it):
   * a cursor for anyone else's id is refused.
   */
  claimCursor(conn: RoomConnection, clientId: number): boolean {
    const own = this.byConnection.get(conn)
    if (own === undefined || cursorClientId(own) !== clientId) return false
    const owner = this.byClientId.get(clientId)
    if (owner === conn) return true
    // Taken as someone's presence id (a client that picked it on purpose): theirs stays theirs.
    if (owner) return false
    this.cursorByConnection.set(conn, clientId)
    this.byClientId.set(clientId, conn)
    return true
  }

  /** The connection left: frees its ids and returns them (their states must be removed). */
  release(conn: RoomConnection): number[] {
    const clientId = this.byConnection.get(conn)
    if (clientId === undefined) return []
    this.byConnection.delete(conn)
    this.byClientId.delete(clientId)
    const cursor = this.cursorByConnection.get(conn)
    this.cursorByConnection.delete(conn)
    if (cursor === undefined) return [clientId]
    this.byClientId.delete(cursor)
    return [clientId, cursor]
  }

  /** The connection that speaks for a presence id, if any. */
  ownerOf(clientId: number): RoomConnection | undefined {
    return this.byClientId.get(clientId)
  }
}

/**
 * The entries of a frame that `conn` may write: its presence, and its cursor entry rebuilt as
 * `{c:[x,y]}` or `{c:null}`. A cursor for any other id is refused, and so is a cursor field in a
 * presence entry, so that a receiver can tell a cursor entry by its field alone.
 */
export function ownPresence(
  conn: RoomConnection,
  entries: readonly AwarenessEntry[],
  owners: PresenceOwners,
  awareness: awarenessProtocol.Awareness,
): AwarenessEntry[] {
  const kept: AwarenessEntry[] = []
  for (const entry of entries) {
    if (owners.claimCursor(conn, entry.clientId)) {
      const state = entry.state === null ? null : cursorState(entry.state)
      if (state !== undefined) kept.push({ ...entry, state })
    } else if (!isCursorState(entry.state) && owners.claim(conn, entry.clientId, awareness, entry.state)) {
      kept.push(entry)
    }
  }
  return kept
}

function heldForAnother(
  awareness: awarenessProtocol.Awareness,
  clientId: number,
  conn: RoomConnection,
): boolean {
  const state = awareness.states.get(clientId) as { identity?: { participantId?: unknown } } | undefined
  const participantId = state?.identity?.participantId
  return typeof participantId === 'string' && participantId !== conn.identity?.participantId
}

function sameParticipant(a: RoomConnection, b: RoomConnection): boolean {
  return a.identity !== null && b.identity !== null && a.identity.participantId === b.identity.participantId
}
