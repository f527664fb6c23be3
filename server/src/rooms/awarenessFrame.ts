import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { jsonTextWithin } from './jsonBounds'

/**
 * Presence frames from a socket, read with bounds: a y-protocols awareness update is a list of
 * (client id, clock, JSON state). Each state is size- and depth-checked before it is parsed,
 * because the room re-encodes every state it keeps for everyone (JSON.stringify recurses).
 */

export interface AwarenessLimits {
  /** Bytes of one presence state (its JSON text). */
  maxStateBytes: number
  /** Nesting depth of one presence state. */
  maxDepth: number
  /**
   * Entries one frame may carry. A stock y-websocket client sends its own state, but also echoes
   * every presence change it receives from the room (its update handler ignores the origin), so a
   * frame may name everyone present; the room keeps only the sender's own entries.
   */
  maxEntries: number
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = {
  maxStateBytes: 16 * 1024,
  maxDepth: 16,
  maxEntries: 256,
}

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** null: the client leaves. */
  state: Record<string, unknown> | null
}

export type AwarenessRead = { ok: true; entries: AwarenessEntry[] } | { ok: false; reason: string }

/** Reads an awareness update; refuses (with what and where) anything over the limits. */
export function readAwarenessUpdate(update: Uint8Array, limits: AwarenessLimits): AwarenessRead {
  const decoder = decoding.createDecoder(update)
  try {
    const count = decoding.readVarUint(decoder)
    if (count > limits.maxEntries)
      return { ok: false, reason: `${count} presence states in one frame (at most ${limits.maxEntries})` }
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const length = decoding.peekVarUint(decoder)
      if (length > limits.maxStateBytes)
        return { ok: false, reason: `presence state of ${length} bytes (at most ${limits.maxStateBytes})` }
      const text = decoding.readVarString(decoder)
      const tooDeep = jsonTextWithin(text, limits.maxDepth)
      if (tooDeep) return { ok: false, reason: `presence state: ${tooDeep}` }
      const state: unknown = JSON.parse(text)
      if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
        return { ok: false, reason: 'a presence state is an object or null' }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null })
    }
    return { ok: true, entries }
  } catch (error) {
    return { ok: false, reason: `undecodable presence frame (${(error as Error).message})` }
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}
