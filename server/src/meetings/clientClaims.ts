import * as Y from 'yjs'
import type { RoomConnection } from '../rooms/connection'
import type { UpdateSection } from '../rooms/updateScan'
import { type ClientClaimStore, SERVER_CLAIM } from '../storage/clientClaimStore'

export type ClaimCheck = { ok: true; commit(): void } | { ok: false; reason: string; unconfirmed?: boolean }

/**
 * Who writes in which Yjs client's clock range. Clocks are sequential per client id, so an
 * update that fills another participant's next clocks makes every board ignore that
 * participant's real notes when they arrive (an offline note, sent later, never lands). A client
 * id belongs to whoever first wrote with it in this room (or to the participant whose connection
 * uses it as presence id, y-websocket shares one id for both); the server owns its own.
 *
 * With a store the claims live with the room: the first update of an id this process has not
 * seen waits (prepare) until storage has recorded or told its owner, so a restart or another
 * instance cannot hand the range to someone else. Memory is only a cache: a claim never changes.
 */
export class ClientClaims {
  private readonly owners = new Map<number, string>()
  /** Ids whose owner storage is being asked for. */
  private readonly asking = new Map<number, Promise<void>>()
  /** Ids storage could not be asked about: the update that needs them is refused, not guessed. */
  private readonly unconfirmed = new Set<number>()
  private readonly serverClaim: Promise<void> | null

  constructor(
    private readonly doc: Y.Doc,
    private readonly presenceOwner: (clientId: number) => RoomConnection | undefined,
    private readonly store: { roomId: string; claims: ClientClaimStore } | null = null,
  ) {
    this.owners.set(doc.clientID, SERVER_CLAIM)
    // The server's own id is claimed too, so no client through another instance writes in it.
    this.serverClaim = store ? this.ask(doc.clientID, SERVER_CLAIM) : null
  }

  /**
   * Resolves once every id these sections write new clocks for has a known owner (null: known
   * already, judge now). Never rejects; what storage could not answer is refused by check().
   */
  prepare(sections: readonly UpdateSection[], participantId: string): Promise<void> | null {
    if (!this.store) return null
    const waits: Promise<void>[] = []
    if (this.serverClaim) waits.push(this.serverClaim)
    for (const { client, to } of sections) {
      if (to <= Y.getState(this.doc.store, client) || this.owners.has(client) || this.unconfirmed.has(client))
        continue
      const presence = this.presenceOwner(client)?.identity?.participantId
      waits.push(this.asking.get(client) ?? this.ask(client, presence ?? participantId))
    }
    if (waits.length === (this.serverClaim ? 1 : 0)) return null
    return Promise.all(waits).then(() => {})
  }

  /** Whether `participantId` may write the new clocks in these sections; commit() records the claim. */
  check(sections: readonly UpdateSection[], participantId: string): ClaimCheck {
    const claimed: number[] = []
    for (const { client, to, gc } of sections) {
      if (to <= Y.getState(this.doc.store, client)) continue // nothing new for this client
      // Honest board clients never send GC structs for the records list: they fill clock
      // ranges without content, which is how another's future notes would be swallowed.
      if (gc) return { ok: false, reason: `empty (GC) clock range for client ${client}` }
      if (this.unconfirmed.delete(client))
        return { ok: false, reason: `the owner of client ${client} could not be read`, unconfirmed: true }
      const owner = this.owners.get(client) ?? this.presenceOwner(client)?.identity?.participantId
      if (owner === undefined) claimed.push(client)
      else if (owner !== participantId)
        return { ok: false, reason: `client ${client} belongs to another writer` }
      else if (!this.owners.has(client)) claimed.push(client)
    }
    return {
      ok: true,
      commit: () => {
        for (const client of claimed) this.owners.set(client, participantId)
      },
    }
  }

  private ask(clientId: number, owner: string): Promise<void> {
    const store = this.store
    if (!store) return Promise.resolve()
    const asked = store.claims
      .claim(store.roomId, clientId, owner)
      .then((stored) => {
        this.owners.set(clientId, stored)
      })
      .catch(() => {
        if (clientId !== this.doc.clientID) this.unconfirmed.add(clientId)
      })
      .finally(() => this.asking.delete(clientId))
    this.asking.set(clientId, asked)
    return asked
  }
}
