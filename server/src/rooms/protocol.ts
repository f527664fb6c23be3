import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'

/** y-websocket message types (the first varUint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** A decoded client frame; anything else is malformed. */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; step: 'syncStep2' | 'update' }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }

export class MalformedMessage extends Error {}

/** Decodes one frame; throws MalformedMessage with a reason that names what was wrong. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === syncProtocol.messageYjsSyncStep1) return { kind: 'syncStep1', stateVector: payload }
        if (syncType === syncProtocol.messageYjsSyncStep2)
          return { kind: 'update', update: payload, step: 'syncStep2' }
        if (syncType === syncProtocol.messageYjsUpdate)
          return { kind: 'update', update: payload, step: 'update' }
        throw new MalformedMessage(`unknown sync message type ${syncType}`)
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' }
      default:
        throw new MalformedMessage(`unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof MalformedMessage) throw error
    throw new MalformedMessage(`undecodable frame (${(error as Error).message})`)
  }
}

/** A sync message: y-websocket's type, the sync sub-type, and the payload. */
function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array) =>
  encodeSync(syncProtocol.messageYjsSyncStep1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(syncProtocol.messageYjsSyncStep2, update)
export const encodeUpdate = (update: Uint8Array) => encodeSync(syncProtocol.messageYjsUpdate, update)

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
