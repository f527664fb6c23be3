import type { WebsocketProvider } from 'y-websocket'
import { HEARTBEAT_TICK_MS, Heartbeat, providerSocket } from './heartbeat'

/**
 * What the connection indicator shows:
 * - connecting: the first connection is being made;
 * - online: connected and in step with the server;
 * - reconnecting: the connection dropped a moment ago and y-websocket is retrying;
 * - offline: the browser says it is offline, the connection went silent (see heartbeat.ts), or
 *   retrying has not worked for OFFLINE_AFTER_MS (edits stay in the document and go out on
 *   reconnect);
 * - closed: the server ended the connection for good (a 44xx close code).
 */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'closed'

export const OFFLINE_AFTER_MS = 4000

/** Follows one provider at a time (a room restart swaps it) and reports the state. */
export class ConnectionMonitor {
  private state: ConnectionState = 'connecting'
  private hasBeenOnline = false
  private closed = false
  private lostSince = Date.now()
  private timer: ReturnType<typeof setTimeout> | null = null
  private provider: WebsocketProvider | null = null
  /** The connection stopped answering; cleared once a new one is in step. */
  private silent = false
  private heartbeat: ReturnType<typeof setInterval> | null = null
  private readonly listeners = new Set<(state: ConnectionState) => void>()

  constructor() {
    window.addEventListener('online', this.evaluate)
    window.addEventListener('offline', this.evaluate)
  }

  get(): ConnectionState {
    return this.state
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Follows `provider` from now on (and forgets the previous one). */
  watch(provider: WebsocketProvider): void {
    this.unwatch()
    this.provider = provider
    this.closed = false
    provider.on('status', this.evaluate)
    provider.on('sync', this.evaluate)
    provider.on('closed', this.onClosed)
    const heartbeat = new Heartbeat(providerSocket(provider), () => this.onSilent(provider))
    this.heartbeat = setInterval(() => heartbeat.tick(), HEARTBEAT_TICK_MS)
    this.evaluate()
  }

  /** The connection has ended for good (or the session gave up on it). */
  markClosed(): void {
    this.closed = true
    this.evaluate()
  }

  destroy(): void {
    this.unwatch()
    window.removeEventListener('online', this.evaluate)
    window.removeEventListener('offline', this.evaluate)
    this.listeners.clear()
  }

  private unwatch(): void {
    if (this.heartbeat !== null) clearInterval(this.heartbeat)
    this.heartbeat = null
    this.silent = false
    if (!this.provider) return
    this.provider.off('status', this.evaluate)
    this.provider.off('sync', this.evaluate)
    this.provider.off('closed', this.onClosed)
    this.provider = null
  }

  private onClosed = () => this.markClosed()

  /** No answer to a ping: show offline now and start a new connection (the old one may never close). */
  private onSilent(provider: WebsocketProvider): void {
    if (provider !== this.provider) return
    this.silent = true
    provider.disconnect()
    this.evaluate()
    provider.connect()
  }

  private evaluate = () => {
    if (this.timer !== null) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const provider = this.provider
    let next: ConnectionState
    if (this.closed) {
      next = 'closed'
    } else if (provider?.wsconnected && provider.synced && navigator.onLine) {
      next = 'online'
      this.hasBeenOnline = true
      this.lostSince = 0
      this.silent = false
    } else {
      if (this.lostSince === 0) this.lostSince = Date.now()
      const waited = Date.now() - this.lostSince
      if (!navigator.onLine || this.silent || waited >= OFFLINE_AFTER_MS) {
        next = 'offline'
      } else {
        next = this.hasBeenOnline ? 'reconnecting' : 'connecting'
        this.timer = setTimeout(this.evaluate, OFFLINE_AFTER_MS - waited)
      }
    }
    if (next === this.state) return
    this.state = next
    for (const listener of this.listeners) listener(next)
  }
}
