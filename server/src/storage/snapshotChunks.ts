import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * A snapshot stored as several Yjs updates instead of one, so a first join can be answered with
 * the stored bytes as they are, in frames under the frame limit, without building a Y.Doc or
 * encoding one (rooms/coldAnswer.ts). Layout: MAGIC, then varUint count, then each part as
 * varUint8Array. MAGIC read as a Yjs update would claim 2^35 clients, so no stored plain update
 * starts with it: snapshots written before this format are read as one part.
 */
const MAGIC = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x7f, 0x49, 0x56, 0x42])

/** Parts stay well under MAX_FRAME_BYTES (1 MiB) once framed. */
export const SNAPSHOT_PART_BYTES = 256 * 1024

/**
 * The document as parts: its structs in runs of at most `partBytes` (one client's clock range per
 * part, in clock order), and last its delete set. Applied in order they give the document back.
 */
export function encodeSnapshotParts(doc: Y.Doc, partBytes = SNAPSHOT_PART_BYTES): Uint8Array[] {
  const parts: Uint8Array[] = []
  const clients = [...doc.store.clients.entries()].sort((a, b) => b[0] - a[0])
  for (const [client, structs] of clients) {
    let run = new Y.UpdateEncoderV1()
    let count = 0
    let firstClock = 0
    const finish = () => {
      if (count === 0) return
      const part = new Y.UpdateEncoderV1()
      encoding.writeVarUint(part.restEncoder, 1) // one client section
      encoding.writeVarUint(part.restEncoder, count)
      part.writeClient(client)
      encoding.writeVarUint(part.restEncoder, firstClock)
      encoding.writeUint8Array(part.restEncoder, run.toUint8Array())
      encoding.writeVarUint(part.restEncoder, 0) // empty delete set
      parts.push(part.toUint8Array())
      run = new Y.UpdateEncoderV1()
      count = 0
    }
    for (const struct of structs) {
      // Yjs merges neighbouring inserts into one struct: 500 records pushed at once are one item
      // of 500 values, and runs of them merge further. A big one goes out in clock slices.
      for (const [from, to] of slicesOf(struct, partBytes)) {
        if (count === 0) firstClock = struct.id.clock + from
        writeSlice(run, struct, from, to)
        count++
        if (encoding.length(run.restEncoder) >= partBytes) finish()
      }
    }
    finish()
  }
  // No structs and the whole delete set: an update of its own.
  parts.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))
  return parts
}

/** Clock ranges [from, to) of a struct, each about half a part or less once written. */
function slicesOf(struct: Y.Item | Y.GC, partBytes: number): Array<[number, number]> {
  const length = struct.length
  if (!(struct instanceof Y.Item) || length < 2 || !splittable(struct.content)) return [[0, length]]
  const scratch = new Y.UpdateEncoderV1()
  struct.write(scratch, 0)
  const pieces = Math.ceil(encoding.length(scratch.restEncoder) / (partBytes / 2))
  if (pieces <= 1) return [[0, length]]
  const step = Math.ceil(length / pieces)
  const slices: Array<[number, number]> = []
  for (let from = 0; from < length; from += step) slices.push([from, Math.min(length, from + step)])
  return slices
}

/** Contents Yjs itself splits anywhere without changing them (strings may hold surrogate pairs). */
const splittable = (content: unknown) =>
  content instanceof Y.ContentAny || content instanceof Y.ContentJSON || content instanceof Y.ContentDeleted

/**
 * Writes clocks [from, to) of a struct as Yjs writes a struct cut at `from`; cut at `to` too, the
 * left part keeps its right origin (as Yjs's own splitItem does) and its content up to `to`.
 */
function writeSlice(encoder: Y.UpdateEncoderV1, struct: Y.Item | Y.GC, from: number, to: number): void {
  if (to === struct.length) {
    struct.write(encoder, from)
    return
  }
  const item = struct as Y.Item
  const content = item.content.copy()
  content.splice(to)
  const view = Object.create(item) as Y.Item
  view.content = content
  view.write(encoder, from)
}

/** Parts as one stored blob. */
export function packSnapshot(parts: readonly Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeUint8Array(encoder, MAGIC)
  encoding.writeVarUint(encoder, parts.length)
  for (const part of parts) encoding.writeVarUint8Array(encoder, part)
  return encoding.toUint8Array(encoder)
}

/** The document as one stored snapshot blob (several parts). */
export const encodeSnapshot = (doc: Y.Doc, partBytes = SNAPSHOT_PART_BYTES) =>
  packSnapshot(encodeSnapshotParts(doc, partBytes))

/** The parts of a stored snapshot, without reading any Yjs; an older plain snapshot is one part. */
export function snapshotParts(stored: Uint8Array): Uint8Array[] {
  if (stored.byteLength < MAGIC.byteLength || MAGIC.some((byte, i) => stored[i] !== byte)) return [stored]
  const decoder = decoding.createDecoder(stored)
  decoding.readUint8Array(decoder, MAGIC.byteLength)
  const count = decoding.readVarUint(decoder)
  // Every part takes at least one byte: a count beyond that is a damaged blob, not a loop.
  if (count > stored.byteLength) throw new Error('damaged snapshot: part count beyond its size')
  const parts: Uint8Array[] = []
  for (let i = 0; i < count; i++) parts.push(decoding.readVarUint8Array(decoder))
  return parts
}

/** Applies a stored snapshot (either layout) to `doc`. */
export function applySnapshot(doc: Y.Doc, stored: Uint8Array, origin: unknown): void {
  for (const part of snapshotParts(stored)) Y.applyUpdate(doc, part, origin)
}
