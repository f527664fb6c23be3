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
  claim(conn: RoomConnection, clientId: number, awareness: awarenessProtocol.Awareness): boolean {
    if (clientId === awareness.clientID) return false // the server's own id
    const owner = this.byClientId.get(clientId)
    if (owner) return owner === conn
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

  /** The presence id a connection speaks for, if any. */
  of(conn: RoomConnection): number | undefined {
    return this.byConnection.get(conn)
  }
}
