import * as decoding from 'lib0/decoding'
import { jsonTextWithin } from './jsonBounds'

/**
 * A bounded first read of a Yjs update (v1 encoding) before Yjs itself touches it.
 *
 * Yjs and lib0 decode content recursively (nested Any values, JSON strings) and trust the counts
 * they read; a few hostile kilobytes can overflow the stack now or, worse, later when the room
 * re-encodes what it stored. This scanner walks the whole update with loops only, checks every
 * count against the bytes that remain, and refuses nesting deeper than a limit. It judges only
 * the shape of the bytes; what the update *does* to a room is judged after Yjs applied it.
 */

export interface UpdateLimits {
  /** Deepest nesting of Any/JSON content (objects and arrays). */
  maxDepth: number
  /** Highest clock an update may reach for any client (clock + length). */
  maxClock: number
  /** Clients (sections) one update may write for; an honest client writes for itself. */
  maxSections: number
  /** Structs in one update (Yjs integrates each; bounded work per frame). */
  maxStructs: number
  /** Content kinds (Yjs content refs) this room accepts. */
  allowedContent: ReadonlySet<number>
}

/** Yjs content refs (the low five bits of an item's info byte). */
export const ContentRef = {
  gc: 0,
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
  skip: 10,
} as const

/** What the board layout needs: lists of plain values, and tombstones. */
export const BOARD_CONTENT: ReadonlySet<number> = new Set([ContentRef.gc, ContentRef.deleted, ContentRef.any])

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxDepth: 64,
  maxClock: 2 ** 31,
  maxSections: 1_000,
  maxStructs: 50_000,
  allowedContent: BOARD_CONTENT,
}

/** The clock range one section of an update covers for one client. */
export interface UpdateSection {
  client: number
  from: number
  to: number
  /** Whether the section holds GC structs (garbage-collected ranges with no item). */
  gc: boolean
}

export type ScanResult =
  | { ok: true; structs: number; sections: UpdateSection[] }
  | { ok: false; reason: string }

class Refused extends Error {}

/** Reads the whole update once, bounded; says what is wrong and where, or that it may go to Yjs. */
export function scanUpdate(update: Uint8Array, limits: UpdateLimits = DEFAULT_UPDATE_LIMITS): ScanResult {
  const decoder = decoding.createDecoder(update)
  let structs = 0
  const found: UpdateSection[] = []
  try {
    const sections = readCount(decoder, 'sections')
    if (sections > limits.maxSections)
      refuse(`${sections} clients in one update (at most ${limits.maxSections})`)
    for (let s = 0; s < sections; s++) {
      const count = readCount(decoder, 'structs')
      const client = decoding.readVarUint(decoder)
      let clock = decoding.readVarUint(decoder)
      const section: UpdateSection = { client, from: clock, to: clock, gc: false }
      found.push(section)
      for (let i = 0; i < count; i++) {
        const where = `client ${client} clock ${clock}`
        const info = decoding.readUint8(decoder)
        const ref = info & 0b11111
        if (!limits.allowedContent.has(ref)) refuse(`${where}: content kind ${ref} is not accepted here`)
        let length: number
        if (ref === ContentRef.gc || ref === ContentRef.skip) {
          if (ref === ContentRef.gc) section.gc = true
          length = decoding.readVarUint(decoder)
        } else {
          skipItemHeader(decoder, info)
          length = skipContent(decoder, ref, limits.maxDepth, where)
        }
        if (length < 1) refuse(`${where}: empty struct`)
        clock += length
        if (clock > limits.maxClock) refuse(`${where}: clock beyond ${limits.maxClock}`)
        if (++structs > limits.maxStructs) refuse(`more than ${limits.maxStructs} structs in one update`)
        section.to = clock
      }
    }
    const dsClients = readCount(decoder, 'delete set clients')
    for (let c = 0; c < dsClients; c++) {
      const client = decoding.readVarUint(decoder)
      const ranges = readCount(decoder, 'delete ranges')
      for (let r = 0; r < ranges; r++) {
        const clock = decoding.readVarUint(decoder)
        const len = decoding.readVarUint(decoder)
        if (clock + len > limits.maxClock)
          refuse(`delete of client ${client} beyond clock ${limits.maxClock}`)
      }
    }
    if (decoding.hasContent(decoder)) refuse(`${update.length - decoder.pos} trailing bytes`)
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message }
    return { ok: false, reason: `undecodable at byte ${decoder.pos} (${(error as Error).message})` }
  }
  return { ok: true, structs, sections: found }
}

/** Origin, right origin, parent and parent key of an item, as Yjs reads them. */
function skipItemHeader(decoder: decoding.Decoder, info: number): void {
  const hasOrigin = (info & 0x80) !== 0
  const hasRightOrigin = (info & 0x40) !== 0
  if (hasOrigin) skipId(decoder)
  if (hasRightOrigin) skipId(decoder)
  if (!hasOrigin && !hasRightOrigin) {
    if (decoding.readVarUint(decoder) === 1) readString(decoder)
    else skipId(decoder)
    if ((info & 0x20) !== 0) readString(decoder)
  }
}

/** Skips one item's content; returns its length in clock units. */
function skipContent(decoder: decoding.Decoder, ref: number, maxDepth: number, where: string): number {
  switch (ref) {
    case ContentRef.deleted:
      return decoding.readVarUint(decoder)
    case ContentRef.json: {
      const n = readCount(decoder, 'JSON values')
      for (let i = 0; i < n; i++) checkJson(readString(decoder), maxDepth, where)
      return n
    }
    case ContentRef.binary:
      decoding.readVarUint8Array(decoder)
      return 1
    case ContentRef.string:
      return readString(decoder).length
    case ContentRef.embed:
      checkJson(readString(decoder), maxDepth, where)
      return 1
    case ContentRef.format:
      readString(decoder)
      checkJson(readString(decoder), maxDepth, where)
      return 1
    case ContentRef.type: {
      const typeRef = decoding.readVarUint(decoder)
      if (typeRef > 6) refuse(`${where}: unknown type ${typeRef}`)
      if (typeRef === 3 || typeRef === 5) readString(decoder) // XmlElement and XmlHook carry a name
      return 1
    }
    case ContentRef.any: {
      const n = readCount(decoder, 'values')
      for (let i = 0; i < n; i++) skipAny(decoder, maxDepth, where)
      return n
    }
    case ContentRef.doc:
      readString(decoder)
      skipAny(decoder, maxDepth, where)
      return 1
    default:
      return refuse(`${where}: unknown content kind ${ref}`)
  }
}

/**
 * Skips one lib0 "any" value without recursion: a stack of how many values each open
 * object or array still holds. Nesting beyond maxDepth is refused.
 */
function skipAny(decoder: decoding.Decoder, maxDepth: number, where: string): void {
  const open: number[] = [] // values left per open container; objects count key+value as one
  const isObject: boolean[] = []
  let pending = 1
  for (;;) {
    if (pending === 0) {
      if (open.length === 0) return
      pending = open.pop()!
      isObject.pop()
      continue
    }
    pending--
    if (isObject.length > 0 && isObject[isObject.length - 1]) readString(decoder) // the key
    const tag = decoding.readUint8(decoder)
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break
      case 125:
        decoding.readVarInt(decoder)
        break
      case 124:
        decoding.readFloat32(decoder)
        break
      case 123:
        decoding.readFloat64(decoder)
        break
      case 122:
        decoding.readBigInt64(decoder)
        break
      case 119:
        readString(decoder)
        break
      case 116:
        decoding.readVarUint8Array(decoder)
        break
      case 118: // object
      case 117: {
        // array
        if (open.length + 1 > maxDepth) refuse(`${where}: values nested deeper than ${maxDepth}`)
        const n = readCount(decoder, 'entries')
        open.push(pending)
        isObject.push(tag === 118)
        pending = n
        break
      }
      default:
        refuse(`${where}: unknown value tag ${tag}`)
    }
  }
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
}

/** A count of things that each take at least one byte: never more than the bytes left. */
function readCount(decoder: decoding.Decoder, what: string): number {
  const n = decoding.readVarUint(decoder)
  if (n > decoder.arr.length - decoder.pos) refuse(`${n} ${what} announced, fewer bytes left`)
  return n
}

function readString(decoder: decoding.Decoder): string {
  const len = decoding.peekVarUint(decoder)
  if (len > decoder.arr.length - decoder.pos) refuse(`a string of ${len} bytes announced, fewer left`)
  return decoding.readVarString(decoder)
}

function checkJson(text: string, maxDepth: number, where: string): void {
  if (text === 'undefined') return // Yjs writes undefined this way
  const problem = jsonTextWithin(text, maxDepth)
  if (problem) refuse(`${where}: ${problem}`)
}

function refuse(reason: string): never {
  throw new Refused(reason)
}
