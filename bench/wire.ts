import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * The two framings the bench speaks, written by hand so that every server gets byte-for-byte the
 * same payloads and the harness pays the same (small) cost for each:
 * - `y-websocket`: [message type, ...] (ours and the reference server);
 * - `hocuspocus`: [document name, message type, ...], after an Auth message per document.
 * Message types 0 (sync) and 1 (awareness) mean the same in both; Hocuspocus adds 2 (auth),
 * 4 (sync reply) and 8 (sync status).
 */
export type Framing = 'y-websocket' | 'hocuspocus'

export const SYNC = 0
export const AWARENESS = 1
const HP_AUTH = 2
const HP_SYNC_REPLY = 4
export const STEP1 = 0
export const STEP2 = 1
export const UPDATE = 2

/** The messages a client sends, framed for one server and document. */
export class Encoder {
  constructor(
    readonly framing: Framing,
    readonly docName: string,
  ) {}

  private start(type: number): encoding.Encoder {
    const e = encoding.createEncoder()
    if (this.framing === 'hocuspocus') encoding.writeVarString(e, this.docName)
    encoding.writeVarUint(e, type)
    return e
  }

  /** Hocuspocus needs this before anything else on a document (no token: the server has no auth hook). */
  auth(): Uint8Array | null {
    if (this.framing !== 'hocuspocus') return null
    const e = this.start(HP_AUTH)
    encoding.writeVarUint(e, 0) // AuthMessageType.Token
    encoding.writeVarString(e, '')
    return encoding.toUint8Array(e)
  }

  sync(step: number, payload: Uint8Array): Uint8Array {
    const e = this.start(SYNC)
    encoding.writeVarUint(e, step)
    encoding.writeVarUint8Array(e, payload)
    return encoding.toUint8Array(e)
  }

  awareness(update: Uint8Array): Uint8Array {
    const e = this.start(AWARENESS)
    encoding.writeVarUint8Array(e, update)
    return encoding.toUint8Array(e)
  }
}

/** One y-protocols awareness entry, encoded without an Awareness instance (cheap at 20 Hz). */
export function awarenessUpdate(clientId: number, clock: number, stateJson: string): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, clientId)
  encoding.writeVarUint(e, clock)
  encoding.writeVarString(e, stateJson)
  return encoding.toUint8Array(e)
}

/** A received frame, read only as far as its type (and sync step). */
export interface Incoming {
  type: number
  /** For sync frames: STEP1, STEP2 or UPDATE; -1 otherwise. */
  step: number
  /** The decoder, positioned at the payload (after the step for sync frames). */
  decoder: decoding.Decoder
  /** Hocuspocus: an Authenticated answer. */
  authenticated: boolean
}

export function readIncoming(framing: Framing, data: Uint8Array): Incoming {
  const decoder = decoding.createDecoder(data)
  if (framing === 'hocuspocus') decoding.readVarString(decoder)
  let type = decoding.readVarUint(decoder)
  if (framing === 'hocuspocus' && type === HP_AUTH) {
    const kind = decoding.readVarUint(decoder)
    return { type, step: -1, decoder, authenticated: kind === 2 }
  }
  if (framing === 'hocuspocus' && type === HP_SYNC_REPLY) type = SYNC
  const step = type === SYNC ? decoding.readVarUint(decoder) : -1
  return { type, step, decoder, authenticated: false }
}

/**
 * The marker a writer embeds in the record it moves: `§b<writer>-<seq>:<sent ns>§`. A probe finds
 * it by byte search in any frame, whatever the framing, without decoding Yjs; the send time is
 * read from process.hrtime (CLOCK_MONOTONIC), which every thread and process on the machine shares.
 */
export const MARK_OPEN = Buffer.from('§b')
const MARK_CLOSE = 0xa7 // last byte of '§' (C2 A7) in UTF-8

export function marker(writer: number, seq: number, sentNs: bigint): string {
  return `§b${writer}-${seq}:${sentNs}§`
}

export interface Mark {
  writer: number
  seq: number
  sentNs: bigint
}

/** Every marker in a frame (a batched frame may carry several). */
export function findMarkers(frame: Buffer): Mark[] {
  const found: Mark[] = []
  let at = frame.indexOf(MARK_OPEN)
  while (at !== -1) {
    const start = at + MARK_OPEN.length
    const end = frame.indexOf(MARK_CLOSE, start)
    if (end === -1) break
    const match = /^(\d+)-(\d+):(\d+)$/.exec(frame.toString('latin1', start, end - 1))
    if (match) found.push({ writer: Number(match[1]), seq: Number(match[2]), sentNs: BigInt(match[3]!) })
    at = frame.indexOf(MARK_OPEN, end)
  }
  return found
}
