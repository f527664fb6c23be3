import * as awarenessProtocol from 'y-protocols/awareness'
import type { RoomConnection } from './connection'

/**
 * Which presence (awareness client id) belongs to which connection: one each. A connection
 * cannot write or remove another's presence, and cannot fill the room with thousands of states;
 * when it announces a new id (a client that started over), its old state goes.
 */
export class PresenceOwners {
  private readonly byConnection = new Map<RoomConnection, number>()
  private readonly byClientId = new Map<number, RoomConnection>()

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
    if (owner) this.byConnection.delete(owner)
    const previous = this.byConnection.get(conn)
    if (previous !== undefined) {
      this.byClientId.delete(previous)
      if (awareness.states.has(previous)) awarenessProtocol.removeAwarenessStates(awareness, [previous], null)
    }
    this.byConnection.set(conn, clientId)
    this.byClientId.set(clientId, conn)
    return true
  }

  /** The connection left: frees its id and returns it (its state must be removed). */
  release(conn: RoomConnection): number | undefined {
    const clientId = this.byConnection.get(conn)
    if (clientId === undefined) return undefined
    this.byConnection.delete(conn)
    this.byClientId.delete(clientId)
    return clientId
  }

  /** The connection that speaks for a presence id, if any. */
  ownerOf(clientId: number): RoomConnection | undefined {
    return this.byClientId.get(clientId)
  }
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
