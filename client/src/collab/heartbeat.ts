import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'

/**
 * Noticing a dead connection in seconds, not y-websocket's 30: a socket whose network is gone
 * often stays "open" and simply hears nothing. After PING_AFTER_MS without a message we ask the
 * server for something (a sync step 1, which the server always answers with a step 2); no answer
 * within ANSWER_WITHIN_MS means the connection is silent. A busy board never pings: the others'
 * cursors keep it talking. Worst case from the last message to "silent" is
 * PING_AFTER_MS + HEARTBEAT_TICK_MS + ANSWER_WITHIN_MS = 4 s.
 */
export const PING_AFTER_MS = 1500
export const ANSWER_WITHIN_MS = 2000
export const HEARTBEAT_TICK_MS = 500

/** What the heartbeat needs of a connection (the provider, or a fake in tests). */
export interface HeartbeatSocket {
  /** The socket is open (a closed one is y-websocket's to reconnect). */
  connected(): boolean
  /** When the last message arrived (ms, the same clock as `now`). */
  lastMessageAt(): number
  /** Sends a message the server answers. */
  ping(): void
}

/**
 * Call `tick()` every HEARTBEAT_TICK_MS. It judges silence only against a ping it sent, never
 * against the time since the last tick: a background tab whose timers are throttled to once a
 * minute still gets its answers (socket events are not throttled) and is not taken for offline.
 */
export class Heartbeat {
  private pingSentAt: number | null = null

  constructor(
    private readonly socket: HeartbeatSocket,
    private readonly onSilent: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  tick(): void {
    if (!this.socket.connected()) {
      this.pingSentAt = null
      return
    }
    const now = this.now()
    const last = this.socket.lastMessageAt()
    if (this.pingSentAt !== null) {
      if (last >= this.pingSentAt) {
        this.pingSentAt = null
      } else {
        if (now - this.pingSentAt >= ANSWER_WITHIN_MS) {
          this.pingSentAt = null
          this.onSilent()
        }
        return
      }
    }
    if (now - last >= PING_AFTER_MS) {
      this.pingSentAt = now
      this.socket.ping()
    }
  }
}

/** The provider as a heartbeat socket: the ping is a sync step 1 with our state vector. */
export function providerSocket(provider: WebsocketProvider): HeartbeatSocket {
  return {
    connected: () => provider.wsconnected && provider.ws?.readyState === WebSocket.OPEN,
    lastMessageAt: () => provider.wsLastMessageReceived,
    ping() {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0) // y-websocket's messageSync
      syncProtocol.writeSyncStep1(encoder, provider.doc)
      provider.ws?.send(encoding.toUint8Array(encoder))
    },
  }
}
