import * as encoding from 'lib0/encoding'
import type { BoardRecord } from '../../shared/boardRecords'
import {
  appendAt,
  type Content,
  deepAnyArray,
  deepJsonText,
  encodeUpdateV1,
  entryOf,
  type Struct,
  type StructId,
  structLength,
} from './updateEncoder'

/**
 * Crafted updates, one builder per class of hostile input in issue 7. Each returns update v1
 * bytes (the payload of a sync step 2 or update message). `after` is the last struct of the
 * room's records array (lastRecordsId of a mirror of the room), so items append where a stock
 * client's would.
 */

/** Appends record entries as one item of `client` at `clock`. */
export function appendRecords(
  client: number,
  clock: number,
  after: StructId | null,
  records: BoardRecord[],
): Uint8Array {
  return encodeUpdateV1({
    sections: [
      { client, clock, structs: [{ kind: 'item', ...appendAt(after), content: anyEntries(records) }] },
    ],
  })
}

export function anyEntries(records: BoardRecord[]): Content {
  return { ref: 'any', values: records.map(entryOf) }
}

/**
 * 1b: `length` one-clock items of one client in one update. 'next': each item's left origin is
 * the item after it (a chain a recursive reader walks to its end; Yjs cannot integrate it);
 * 'previous': each follows the one before (a valid, long list insert).
 */
export function originChainUpdate(
  client: number,
  length: number,
  after: StructId | null,
  direction: 'next' | 'previous',
): Uint8Array {
  const structs: Struct[] = []
  for (let i = 0; i < length; i++) {
    const content: Content = { ref: 'deleted', len: 1 }
    const first = direction === 'next' ? i === length - 1 : i === 0
    const neighbour = direction === 'next' ? i + 1 : i - 1
    structs.push(
      first
        ? { kind: 'item', ...appendAt(after), content }
        : { kind: 'item', origin: { client, clock: neighbour }, content },
    )
  }
  return encodeUpdateV1({ sections: [{ client, clock: 0, structs }] })
}

/** 1c: a GC struct for a new client, then an item of that client whose left origin is the GC. */
export function itemOnGcUpdate(client: number, record: BoardRecord): Uint8Array {
  return encodeUpdateV1({
    sections: [
      {
        client,
        clock: 0,
        structs: [
          { kind: 'gc', len: 1 },
          { kind: 'item', origin: { client, clock: 0 }, content: anyEntries([record]) },
        ],
      },
    ],
  })
}

/**
 * 2a/3b: two sections for one client in one update, the second continuing where the first ends.
 * Yjs reads one section per client (the last one wins), so the second waits for the first's
 * clocks as pending structs; a later update carrying those clocks releases it.
 */
export function twoSectionsUpdate(client: number, first: Struct[], second: Struct[]): Uint8Array {
  const firstLength = first.reduce((n, s) => n + structLength(s), 0)
  return encodeUpdateV1({
    sections: [
      { client, clock: 0, structs: first },
      { client, clock: firstLength, structs: second },
    ],
  })
}

/**
 * 3a: two entries with one key in one update. Both items follow `after`; Yjs places the second
 * one read (`shown`) before the first (`kept`), so the document keeps `kept` (the rightmost
 * entry wins in YKeyValue) while a reader going by encoding order sees `shown` last.
 */
export function duplicateKeyUpdate(
  client: number,
  clock: number,
  after: StructId | null,
  kept: BoardRecord,
  shown: BoardRecord,
): Uint8Array {
  const at = appendAt(after)
  return encodeUpdateV1({
    sections: [
      {
        client,
        clock,
        structs: [
          { kind: 'item', ...at, content: anyEntries([kept]) },
          { kind: 'item', ...at, content: anyEntries([shown]) },
        ],
      },
    ],
  })
}

/** 3c / clock jump: GC structs covering clocks [clock, clock + len) of `client`. */
export function gcRangeUpdate(client: number, clock: number, len: number): Uint8Array {
  return encodeUpdateV1({ sections: [{ client, clock, structs: [{ kind: 'gc', len }] }] })
}

/** 3c: a delete set only, naming clocks [clock, clock + len) of `client`. */
export function deleteRangeUpdate(client: number, clock: number, len: number): Uint8Array {
  return encodeUpdateV1({ sections: [], deletes: [{ client, clock, len }] })
}

/** Clock jump: one Deleted item of `len` clocks appended to the records array. */
export function deletedRunUpdate(client: number, after: StructId | null, len: number): Uint8Array {
  return encodeUpdateV1({
    sections: [
      { client, clock: 0, structs: [{ kind: 'item', ...appendAt(after), content: { ref: 'deleted', len } }] },
    ],
  })
}

/** 2b: one item of legacy JSON content nested `depth` deep around `marker`. */
export function deepJsonUpdate(client: number, after: StructId | null, depth: number, marker: string) {
  return encodeUpdateV1({
    sections: [
      {
        client,
        clock: 0,
        structs: [
          {
            kind: 'item',
            ...appendAt(after),
            content: { ref: 'json', texts: [deepJsonText(depth, marker)] },
          },
        ],
      },
    ],
  })
}

/** 2b: one item of Any content nested `depth` deep around `marker`. */
export function deepAnyUpdate(client: number, after: StructId | null, depth: number, marker: string) {
  return encodeUpdateV1({
    sections: [
      {
        client,
        clock: 0,
        structs: [
          {
            kind: 'item',
            ...appendAt(after),
            content: { ref: 'anyRaw', encoded: [deepAnyArray(depth, marker)] },
          },
        ],
      },
    ],
  })
}

/** One awareness entry: a client id, its clock and its state as JSON text (null removes it). */
export interface AwarenessEntry {
  clientId: number
  clock: number
  stateJson: string
}

/** An awareness update (y-protocols format): count, then client id, clock and JSON per entry. */
export function awarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const { clientId, clock, stateJson } of entries) {
    encoding.writeVarUint(e, clientId)
    encoding.writeVarUint(e, clock)
    encoding.writeVarString(e, stateJson)
  }
  return encoding.toUint8Array(e)
}

/** 1a: a presence state nested `depth` deep (10,000 levels are about 20 KB). */
export function deepAwarenessState(depth: number, marker: string): string {
  return `{"presence":${deepJsonText(depth, marker)}}`
}

/**
 * 4: `count` empty states for consecutive client ids from `firstId`, in one update; with ids
 * under 2^21 each entry takes 7 bytes, so 50,000 fit well under the 1 MiB frame limit.
 */
export function manyAwarenessStates(count: number, firstId: number): Uint8Array {
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) entries.push({ clientId: firstId + i, clock: 1, stateJson: '{}' })
  return awarenessUpdate(entries)
}

/** 4: a presence state of about `bytes` bytes, its name padded around `marker`. */
export function bigAwarenessState(bytes: number, marker: string): string {
  return JSON.stringify({
    presence: { userName: `${marker}${'x'.repeat(Math.max(0, bytes - marker.length))}` },
  })
}
