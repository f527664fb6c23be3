import * as Y from 'yjs'
import type { RoomConnection } from '../rooms/connection'
import type { UpdateSection } from '../rooms/updateScan'

const SERVER = '\u0000server'

export type ClaimCheck = { ok: true; commit(): void } | { ok: false; reason: string }

/**
 * Who writes in which Yjs client's clock range. Clocks are sequential per client id, so an
 * update that fills another participant's next clocks (with GC structs, say) makes the room
 * ignore that participant's real notes when they arrive. A client id belongs to the participant
 * whose connection uses it as presence id (y-websocket shares one id for both), else to the
 * first participant who writes with it; the server owns its own. Claims live in memory: after a
 * restart an id is owned again by its presence, or by its first writer.
 */
export class ClientClaims {
  private readonly owners = new Map<number, string>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly presenceOwner: (clientId: number) => RoomConnection | undefined,
  ) {
    this.owners.set(doc.clientID, SERVER)
  }

  /** Whether `participantId` may write the new clocks in these sections; commit() records the claim. */
  check(sections: readonly UpdateSection[], participantId: string): ClaimCheck {
    const claimed: number[] = []
    for (const { client, to, gc } of sections) {
      if (to <= Y.getState(this.doc.store, client)) continue // nothing new for this client
      // Honest board clients never send GC structs for the records list: they fill clock
      // ranges without content, which is how another's future notes would be swallowed.
      if (gc) return { ok: false, reason: `empty (GC) clock range for client ${client}` }
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
}
