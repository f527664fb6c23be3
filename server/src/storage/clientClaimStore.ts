/**
 * Who writes in which Yjs client id's clock range, per room, kept with the room (so it survives a
 * restart and reads the same on every instance). A claim never changes once made: the first
 * claimant of an id in a room owns it until the room is erased (its rows go with the room's).
 */
export interface ClientClaimStore {
  /** Claims `clientId` in `roomId` for `owner` unless someone holds it; resolves with its owner. */
  claim(roomId: string, clientId: number, owner: string): Promise<string>
}

/** The owner recorded for the server's own writes (a room document's client id per load). */
export const SERVER_CLAIM = '~server'
