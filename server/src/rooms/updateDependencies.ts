import * as Y from 'yjs'

/**
 * Names what an update depends on that the document does not have, or returns null.
 * Yjs would keep such an update "pending" and then block every later update of that client,
 * so the room refuses it and lets the client start over from the server's state.
 * Throws if the update cannot be decoded.
 */
export function findMissingDependencies(doc: Y.Doc, update: Uint8Array): string | null {
  const { structs, ds } = Y.decodeUpdate(update)
  // Highest clock known per client: the document's state, extended by what this update brings.
  const known = new Map<number, number>()
  const knownEnd = (client: number): number => known.get(client) ?? Y.getState(doc.store, client)

  for (const struct of structs) {
    const { client, clock } = struct.id
    if (struct instanceof Y.Skip) return `gap in the update for client ${client} at clock ${clock}`
    const end = knownEnd(client)
    if (clock > end) return `client ${client} continues at clock ${clock} but the room has only ${end}`
    known.set(client, Math.max(end, clock + struct.length))
  }
  const isKnown = (id: Y.ID | null): boolean => id === null || id.clock < knownEnd(id.client)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    if (!isKnown(struct.origin) || !isKnown(struct.rightOrigin)) {
      return `item ${struct.id.client}:${struct.id.clock} refers to an unknown neighbour`
    }
    const parent = struct.parent
    if (parent instanceof Y.ID && !isKnown(parent)) {
      return `item ${struct.id.client}:${struct.id.clock} refers to an unknown parent`
    }
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > knownEnd(client)) {
        return `deletes unknown items of client ${client} up to clock ${range.clock + range.len}`
      }
    }
  }
  return null
}
