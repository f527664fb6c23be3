import * as awarenessProtocol from 'y-protocols/awareness'
import { encodeAwareness } from './protocol'
import { PEER_ORIGIN } from './updateOrigin'

/** Presence goes out at most once per this many ms per room (about 30 frames a second). */
const PRESENCE_WINDOW_MS = 33

export interface PresenceTargets {
  /** Sends a frame to every connection of the room. */
  broadcast(frame: Uint8Array): void
  /** Whether anyone is connected here to receive it. */
  hasConnections(): boolean
  /** Hands presence changed here to the other instances (several instances only). */
  publish: ((update: Uint8Array) => void) | null
  log(line: string, fields?: Record<string, unknown>): void
}

/**
 * Sends a room's presence changes on: encoded once for all connections, and at most once a
 * presence window. A quiet room's first change goes out at once; a storm of cursors is sent as
 * one frame per window, whatever the number of people (30 a second instead of one per cursor).
 */
export class PresenceBroadcast {
  private readonly pending = new Set<number>()
  /** Presence ids changed by this instance's connections, for the other instances. */
  private readonly pendingLocal = new Set<number>()
  private scheduled = false
  private lastFlush = 0
  private stopped = false

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly targets: PresenceTargets,
  ) {
    awareness.on('update', this.onUpdate)
  }

  stop(): void {
    this.stopped = true
    this.awareness.off('update', this.onUpdate)
  }

  private onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const id of [...added, ...updated, ...removed]) {
      this.pending.add(id)
      if (origin !== PEER_ORIGIN && this.targets.publish) this.pendingLocal.add(id)
    }
    if (this.scheduled) return
    this.scheduled = true
    const wait = this.lastFlush + PRESENCE_WINDOW_MS - Date.now()
    if (wait <= 0) setImmediate(this.flush)
    else setTimeout(this.flush, wait).unref()
  }

  /** Runs outside any frame's catch (setImmediate or a timer), so it has its own. */
  private flush = (): void => {
    this.scheduled = false
    this.lastFlush = Date.now()
    try {
      if (this.stopped) return
      if (this.targets.publish && this.pendingLocal.size > 0) {
        this.targets.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.pendingLocal]))
      }
      if (this.pending.size === 0 || !this.targets.hasConnections()) return
      this.targets.broadcast(
        encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.pending])),
      )
    } catch (error) {
      this.targets.log('presence could not be sent', { error: (error as Error).message })
    } finally {
      this.pending.clear()
      this.pendingLocal.clear()
    }
  }
}
