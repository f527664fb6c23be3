import * as Y from 'yjs'
import type { UpdateSection } from '../rooms/updateScan'

const SERVER = '\u0000server'

export type ClaimCheck = { ok: true; commit(): void } | { ok: false; reason: string }

/**
 * Who writes in which Yjs client's clock range. Clocks are sequential per client id, so an
 * update that fills another participant's next clocks (with GC structs, say) makes the room
 * ignore that participant's real notes when they arrive. A participant owns the client ids it
 * was the first to extend; the server owns its own. Kept in memory: after a restart the first
 * participant to continue an existing id owns it (see README, known limits).
 */
export class ClientClaims {
  private readonly owners = new Map<number, string>()

  constructor(private readonly doc: Y.Doc) {
    this.owners.set(doc.clientID, SERVER)
  }

  /** Whether `participantId` may write the new clocks in these sections; commit() records the claim. */
  check(sections: readonly UpdateSection[], participantId: string): ClaimCheck {
    const claimed: number[] = []
    for (const { client, to } of sections) {
      if (to <= Y.getState(this.doc.store, client)) continue // nothing new for this client
      const owner = this.owners.get(client)
      if (owner === undefined) claimed.push(client)
      else if (owner !== participantId)
        return { ok: false, reason: `client ${client} belongs to another writer` }
    }
    return {
      ok: true,
      commit: () => {
        for (const client of claimed) this.owners.set(client, participantId)
      },
    }
  }
}
