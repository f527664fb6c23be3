import { MAX_FRAME_BYTES } from '../../../shared/closeCodes'
import type { StoredRoom } from '../storage/roomStore'
import { snapshotParts } from '../storage/snapshotChunks'
import { encodeSyncStep2, encodeUpdate } from './protocol'

/**
 * A loaded room's stored bytes, kept as the answer to a first join with an empty state vector:
 * sent as they are, in frames under the limit, so nothing is encoded for that join. The room
 * drops it at its first change.
 */

/** A room's stored bytes as frames' payloads, or null if one would not fit in a frame. */
export function coldAnswerOf(stored: StoredRoom): Uint8Array[] | null {
  const parts = [
    ...(stored.snapshot ? snapshotParts(stored.snapshot) : []),
    ...stored.updates.map((u) => u.data),
  ]
  if (parts.length === 0) return null
  // Room for the frame's own header (message type, sync type, length).
  if (parts.some((part) => part.byteLength > MAX_FRAME_BYTES - 16)) return null
  return parts
}

/** Updates first, sync step 2 last: the client counts itself synced at the end. */
export function coldAnswerFrames(cold: readonly Uint8Array[]): Uint8Array[] {
  return cold.map((part, i) => (i === cold.length - 1 ? encodeSyncStep2(part) : encodeUpdate(part)))
}

/** A client that holds nothing: y-protocols encodes its state vector as a zero count. */
export const isEmptyStateVector = (stateVector: Uint8Array) =>
  stateVector.byteLength === 1 && stateVector[0] === 0
