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
 * The document as parts: its structs in parts of about `partBytes`, and last its delete set.
 * Applied in order they give the document back, and each part finds what its structs point at
 * (origins, parents) in earlier parts or in itself: a part that did not would wait in Yjs as
 * pending structs, which Yjs merges again at every later part (seconds for 10,000 notes).
 */
export function encodeSnapshotParts(doc: Y.Doc, partBytes = SNAPSHOT_PART_BYTES): Uint8Array[] {
  const parts: Uint8Array[] = []
  const emitted = new Map<number, number>() // client -> clocks placed in a part so far
  const has = (id: Y.ID | null) => id === null || id.clock < (emitted.get(id.client) ?? 0)
  let part = new PartBuilder()
  const queues = [...doc.store.clients.entries()].map(([client, structs]) => ({ client, structs, next: 0 }))
  let left = queues.reduce((n, q) => n + q.structs.length, 0)
  while (left > 0) {
    let progressed = false
    for (const queue of queues) {
      while (queue.next < queue.structs.length) {
        const struct = queue.structs[queue.next]!
        if (!placeable(struct, has)) break
        for (const [from, to] of slicesOf(struct, partBytes)) {
          part.add(queue.client, struct, from, to)
          if (part.bytes >= partBytes) {
            parts.push(part.finish())
            part = new PartBuilder()
          }
        }
        emitted.set(queue.client, struct.id.clock + struct.length)
        queue.next++
        left--
        progressed = true
      }
    }
    if (!progressed) {
      // Every queue waits on another (a damaged document): place one struct anyway; Yjs keeps it
      // pending until the rest arrives.
      const queue = queues.find((q) => q.next < q.structs.length)!
      const struct = queue.structs[queue.next]!
      for (const [from, to] of slicesOf(struct, partBytes)) part.add(queue.client, struct, from, to)
      emitted.set(queue.client, struct.id.clock + struct.length)
      queue.next++
      left--
    }
  }
  if (part.bytes > 0) parts.push(part.finish())
  // No structs and the whole delete set: an update of its own.
  parts.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))
  return parts
}

/** Whether a struct's references are placed already. */
function placeable(struct: Y.Item | Y.GC, has: (id: Y.ID | null) => boolean): boolean {
  if (!(struct instanceof Y.Item)) return true
  if (!has(struct.origin) || !has(struct.rightOrigin)) return false
  const parent = struct.parent
  if (parent instanceof Y.ID) return has(parent)
  const parentItem = (parent as Y.AbstractType<unknown> | null)?._item
  return parentItem ? has(parentItem.id) : true
}

/** One part in the making: per client one run of structs in clock order. */
class PartBuilder {
  private readonly runs = new Map<number, { encoder: Y.UpdateEncoderV1; count: number; firstClock: number }>()
  bytes = 0

  add(client: number, struct: Y.Item | Y.GC, from: number, to: number): void {
    let run = this.runs.get(client)
    if (!run) {
      run = { encoder: new Y.UpdateEncoderV1(), count: 0, firstClock: struct.id.clock + from }
      this.runs.set(client, run)
    }
    const before = encoding.length(run.encoder.restEncoder)
    writeSlice(run.encoder, struct, from, to)
    run.count++
    this.bytes += encoding.length(run.encoder.restEncoder) - before
  }

  finish(): Uint8Array {
    const part = new Y.UpdateEncoderV1()
    encoding.writeVarUint(part.restEncoder, this.runs.size)
    // Higher client ids first, as Yjs writes them.
    for (const [client, run] of [...this.runs.entries()].sort((a, b) => b[0] - a[0])) {
      encoding.writeVarUint(part.restEncoder, run.count)
      part.writeClient(client)
      encoding.writeVarUint(part.restEncoder, run.firstClock)
      encoding.writeUint8Array(part.restEncoder, run.encoder.toUint8Array())
    }
    encoding.writeVarUint(part.restEncoder, 0) // empty delete set
    return part.toUint8Array()
  }
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
