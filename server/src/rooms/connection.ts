import type { WebSocket } from 'ws'
import { CloseCode } from '../../../shared/closeCodes'

/** Who is behind a connection; anonymous on free boards, a participant in meetings. */
export interface ConnectionIdentity {
  participantId: string
  meetingId: string
}

/** A client connection as the room sees it: who, send, close. (Its presence id: PresenceOwners.) */
export interface RoomConnection {
  readonly id: string
  readonly identity: ConnectionIdentity | null
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

/** A connection whose send buffer grows past this is too slow for the room and is closed. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024
/** A peer that does not answer our close frame within this is cut off (ws itself waits 30 s). */
const CLOSE_GRACE_MS = 5000

let nextId = 1

export class SocketConnection implements RoomConnection {
  readonly id = `c${nextId++}`
  private closed = false

  constructor(
    private readonly socket: WebSocket,
    readonly identity: ConnectionIdentity | null,
  ) {}

  /** Closed by the server: frames still arriving from this peer are ignored. */
  get isClosed(): boolean {
    return this.closed
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.tooSlow, 'connection too slow for this room')
      return
    }
    this.socket.send(frame, { binary: true })
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    try {
      this.socket.close(code, closeReason(reason))
    } catch {
      // ws refuses a code it does not know; never let closing throw into the caller.
      this.socket.terminate()
      return
    }
    const cutOff = setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS)
    cutOff.unref()
    this.socket.once('close', () => clearTimeout(cutOff))
  }
}

/** Close reasons are limited to 123 bytes by the protocol; cut at a character boundary. */
function closeReason(reason: string): string {
  let cut = reason.slice(0, 123)
  while (Buffer.byteLength(cut) > 123) cut = cut.slice(0, -1)
  return cut
}
