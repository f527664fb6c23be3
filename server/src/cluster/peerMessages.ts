import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { PeerUpdate } from '../rooms/roomPeers'

/** What instances tell each other about a room, on its Redis channel. */
export type PeerMessage =
  | { kind: 'updates'; from: string; updates: PeerUpdate[] }
  | { kind: 'awareness'; from: string; update: Uint8Array }

const UPDATES = 0
const AWARENESS = 1

export function encodePeerMessage(message: PeerMessage): Buffer {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, message.from)
  if (message.kind === 'updates') {
    encoding.writeVarUint(e, UPDATES)
    encoding.writeVarUint(e, message.updates.length)
    for (const { seq, data } of message.updates) {
      encoding.writeVarUint(e, seq)
      encoding.writeVarUint8Array(e, data)
    }
  } else {
    encoding.writeVarUint(e, AWARENESS)
    encoding.writeVarUint8Array(e, message.update)
  }
  return Buffer.from(encoding.toUint8Array(e))
}

/** Reads a message; throws on bytes that are not one. */
export function decodePeerMessage(bytes: Uint8Array): PeerMessage {
  const d = decoding.createDecoder(bytes)
  const from = decoding.readVarString(d)
  const kind = decoding.readVarUint(d)
  if (kind === UPDATES) {
    const count = decoding.readVarUint(d)
    const updates: PeerUpdate[] = []
    for (let i = 0; i < count; i++) {
      const seq = decoding.readVarUint(d)
      updates.push({ seq, data: decoding.readVarUint8Array(d) })
    }
    return { kind: 'updates', from, updates }
  }
  if (kind === AWARENESS) return { kind: 'awareness', from, update: decoding.readVarUint8Array(d) }
  throw new Error(`unknown peer message kind ${kind}`)
}

/** A change to a meeting's state, on the instances' shared meeting channel (JSON). */
export interface MeetingMessage {
  /** `expired`: erased at the end of its retention; `board…`: a free board, `meetingId` its room id. */
  kind: 'changed' | 'erased' | 'expired' | 'boardErased' | 'boardExpired'
  meetingId: string
  from: string
  /** Answer on the sender's ack channel with this, once the change is in force here. */
  ack: string
}

const MEETING_MESSAGE_KINDS: ReadonlyArray<MeetingMessage['kind']> = [
  'changed',
  'erased',
  'expired',
  'boardErased',
  'boardExpired',
]

export function readMeetingMessage(text: string): MeetingMessage | null {
  try {
    const value = JSON.parse(text) as Partial<MeetingMessage>
    if (
      MEETING_MESSAGE_KINDS.includes(value.kind as MeetingMessage['kind']) &&
      typeof value.meetingId === 'string' &&
      typeof value.from === 'string' &&
      typeof value.ack === 'string'
    ) {
      return value as MeetingMessage
    }
  } catch {}
  return null
}
