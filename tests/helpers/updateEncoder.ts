import * as encoding from 'lib0/encoding'
import type * as Y from 'yjs'
import type { BoardRecord } from '../../shared/boardRecords'
import { RECORDS_ARRAY } from '../../shared/wire'

/**
 * Yjs update v1 bytes written by hand, the way a patched client can send them: several sections
 * for one client, GC and Skip structs, origins that point anywhere, content nested without limit.
 * The format follows yjs/src/utils/encoding.js (writeStructs, writeDeleteSet) and the write()
 * of each struct and content class; a stock Y.Doc never produces most of what this writes.
 */

/** A struct id: the client that made it and its clock within that client. */
export interface StructId {
  client: number
  clock: number
}

/** Item content, by Yjs content ref (1 Deleted, 2 JSON, 3 Binary, 4 String, 5 Embed, 6 Format, 7 Type, 8 Any, 9 Doc). */
export type Content =
  | { ref: 'deleted'; len: number }
  /** Legacy JSON content: each value is a JSON text, written as is (so it can be nested at will). */
  | { ref: 'json'; texts: string[] }
  | { ref: 'binary'; bytes: Uint8Array }
  | { ref: 'string'; text: string }
  | { ref: 'embed'; jsonText: string }
  | { ref: 'format'; key: string; jsonText: string }
  /** A nested type: 0 YArray, 1 YMap, 2 YText, 4 YXmlFragment, 6 YXmlText (3 and 5 take a name). */
  | { ref: 'type'; typeRef: number; name?: string }
  | { ref: 'any'; values: unknown[] }
  /** Any content whose values are already in lib0's Any encoding (see deepAnyArray). */
  | { ref: 'anyRaw'; encoded: Uint8Array[] }
  | { ref: 'doc'; guid: string; opts: Record<string, unknown> }

export type Struct =
  | { kind: 'gc'; len: number }
  | { kind: 'skip'; len: number }
  | {
      kind: 'item'
      origin?: StructId
      rightOrigin?: StructId
      /** Written only when the item has neither origin: a root type's name or a parent item's id. */
      parent?: string | StructId
      parentSub?: string
      content: Content
    }

/** The structs of one client, from `clock` on; an update may hold several for the same client. */
export interface Section {
  client: number
  clock: number
  structs: Struct[]
}

export interface DeleteRange {
  client: number
  clock: number
  len: number
}

export interface UpdateSpec {
  sections: Section[]
  deletes?: DeleteRange[]
}

const CONTENT_REF: Record<Content['ref'], number> = {
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  anyRaw: 8,
  doc: 9,
}

/** How many clocks a struct takes (what Yjs adds to the clock after reading it). */
export function structLength(struct: Struct): number {
  if (struct.kind !== 'item') return struct.len
  const c = struct.content
  switch (c.ref) {
    case 'deleted':
      return c.len
    case 'json':
      return c.texts.length
    case 'string':
      return c.text.length
    case 'any':
      return c.values.length
    case 'anyRaw':
      return c.encoded.length
    default:
      return 1
  }
}

/** Encodes an update in Yjs's v1 format, sections and delete ranges in the order given. */
export function encodeUpdateV1(spec: UpdateSpec): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, spec.sections.length)
  for (const section of spec.sections) {
    encoding.writeVarUint(e, section.structs.length)
    encoding.writeVarUint(e, section.client)
    encoding.writeVarUint(e, section.clock)
    for (const struct of section.structs) writeStruct(e, struct)
  }
  const byClient = new Map<number, DeleteRange[]>()
  for (const range of spec.deletes ?? []) {
    byClient.set(range.client, [...(byClient.get(range.client) ?? []), range])
  }
  encoding.writeVarUint(e, byClient.size)
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, ranges.length)
    for (const range of ranges) {
      encoding.writeVarUint(e, range.clock)
      encoding.writeVarUint(e, range.len)
    }
  }
  return encoding.toUint8Array(e)
}

function writeStruct(e: encoding.Encoder, struct: Struct): void {
  if (struct.kind === 'gc') {
    encoding.writeUint8(e, 0)
    encoding.writeVarUint(e, struct.len)
    return
  }
  if (struct.kind === 'skip') {
    encoding.writeUint8(e, 10)
    encoding.writeVarUint(e, struct.len)
    return
  }
  const { origin, rightOrigin, parentSub } = struct
  const withParent = !origin && !rightOrigin
  const info =
    CONTENT_REF[struct.content.ref] |
    (origin ? 0x80 : 0) |
    (rightOrigin ? 0x40 : 0) |
    (withParent && parentSub !== undefined ? 0x20 : 0)
  encoding.writeUint8(e, info)
  if (origin) writeId(e, origin)
  if (rightOrigin) writeId(e, rightOrigin)
  if (withParent) {
    const parent = struct.parent ?? RECORDS_ARRAY
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, parent)
    } else {
      encoding.writeVarUint(e, 0)
      writeId(e, parent)
    }
    if (parentSub !== undefined) encoding.writeVarString(e, parentSub)
  }
  writeContent(e, struct.content)
}

function writeId(e: encoding.Encoder, id: StructId): void {
  encoding.writeVarUint(e, id.client)
  encoding.writeVarUint(e, id.clock)
}

function writeContent(e: encoding.Encoder, c: Content): void {
  switch (c.ref) {
    case 'deleted':
      encoding.writeVarUint(e, c.len)
      return
    case 'json':
      encoding.writeVarUint(e, c.texts.length)
      for (const text of c.texts) encoding.writeVarString(e, text)
      return
    case 'binary':
      encoding.writeVarUint8Array(e, c.bytes)
      return
    case 'string':
      encoding.writeVarString(e, c.text)
      return
    case 'embed':
      encoding.writeVarString(e, c.jsonText)
      return
    case 'format':
      encoding.writeVarString(e, c.key)
      encoding.writeVarString(e, c.jsonText)
      return
    case 'type':
      encoding.writeVarUint(e, c.typeRef)
      if (c.typeRef === 3 || c.typeRef === 5) encoding.writeVarString(e, c.name ?? 'p')
      return
    case 'any':
      encoding.writeVarUint(e, c.values.length)
      for (const value of c.values) encoding.writeAny(e, value as never)
      return
    case 'anyRaw':
      encoding.writeVarUint(e, c.encoded.length)
      for (const bytes of c.encoded) encoding.writeUint8Array(e, bytes)
      return
    case 'doc':
      encoding.writeVarString(e, c.guid)
      encoding.writeAny(e, c.opts as never)
      return
  }
}

/**
 * An array nested `depth` deep around a string, in lib0's Any encoding, written without
 * recursion (lib0's own writeAny would overflow the stack building it).
 */
export function deepAnyArray(depth: number, leaf: string): Uint8Array {
  const e = encoding.createEncoder()
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(e, 117) // array
    encoding.writeVarUint(e, 1)
  }
  encoding.writeUint8(e, 119) // string
  encoding.writeVarString(e, leaf)
  return encoding.toUint8Array(e)
}

/** An object nested `depth` deep ({ a: { a: ... } }) around a string, in lib0's Any encoding. */
export function deepAnyObject(depth: number, leaf: string): Uint8Array {
  const e = encoding.createEncoder()
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(e, 118) // object
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, 'a')
  }
  encoding.writeUint8(e, 119)
  encoding.writeVarString(e, leaf)
  return encoding.toUint8Array(e)
}

/** A JSON text of arrays nested `depth` deep around a string (20 KB for 10,000 levels). */
export function deepJsonText(depth: number, leaf: string): string {
  return `${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`
}

/** The { key, val } entry under which a record lives in the records array. */
export function entryOf(record: BoardRecord): { key: string; val: BoardRecord } {
  return { key: record.id, val: record }
}

/**
 * The id of the last struct of the records array in a document (deleted or not), to insert after
 * it as a stock client would append; null when the array is empty.
 */
export function lastRecordsId(doc: Y.Doc): StructId | null {
  let item = doc.getArray(RECORDS_ARRAY)._start
  if (!item) return null
  while (item.right) item = item.right
  return { client: item.id.client, clock: item.id.clock + item.length - 1 }
}

/** Where a new item goes to be appended to the records array: after `last`, or as its first item. */
export function appendAt(last: StructId | null): { origin?: StructId; parent?: string } {
  return last ? { origin: last } : { parent: RECORDS_ARRAY }
}

/** A Yjs client id as Yjs makes them (uint32), from a seeded random source. */
export function clientIdFrom(random: () => number): number {
  return 1 + Math.floor(random() * 0xfffffffe)
}
