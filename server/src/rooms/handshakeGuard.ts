import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { AddressCounter, addressKey } from './clientAddress'

export interface HandshakeGuardOptions {
  /** Connections that have not finished their first request, server-wide. */
  maxPending: number
  /**
   * Connections that have not finished their first request, per client address; null: no such
   * bound (behind a reverse proxy every connection comes from the proxy's address, and the proxy
   * is the one that must hold slow clients back).
   */
  maxPendingPerAddress: number | null
  /** Time a connection has to finish its first request. */
  timeoutMs: number
  log?: (line: string, fields?: Record<string, unknown>) => void
}

/**
 * Bounds the connections nobody has identified yet: a TCP connection counts from its arrival
 * until its first request is in (an HTTP request) or its upgrade is answered (`settle`). Over
 * `maxPending` a new connection is answered 503 and closed; one that takes longer than
 * `timeoutMs` (headers trickled in, or never sent) is answered 408 and closed. Node's own header
 * timeout (60 s, checked every 30 s) is too loose to bound this.
 * One address may hold at most `maxPendingPerAddress` of them (over it: 429), so a flood from one
 * address cannot fill the server-wide bound and shut everyone else out.
 */
export function guardHandshakes(server: Server, options: HandshakeGuardOptions) {
  const pending = new Map<Socket, { timer: NodeJS.Timeout; address: string | null }>()
  const perAddress =
    options.maxPendingPerAddress === null ? null : new AddressCounter(options.maxPendingPerAddress)

  const settle = (socket: Socket): void => {
    const entry = pending.get(socket)
    if (entry === undefined) return
    clearTimeout(entry.timer)
    pending.delete(socket)
    if (entry.address !== null) perAddress?.remove(entry.address)
  }

  const onConnection = (socket: Socket): void => {
    try {
      if (pending.size >= options.maxPending) {
        options.log?.('connection refused: too many unfinished handshakes', { pending: pending.size })
        answerAndClose(socket, 503, 'Service Unavailable', 'The server is busy; try again in a moment.')
        return
      }
      const address = perAddress ? addressKey(socket.remoteAddress ?? 'unknown') : null
      if (perAddress && address !== null && !perAddress.tryAdd(address)) {
        options.log?.('connection refused: too many unfinished handshakes from one address', {
          max: options.maxPendingPerAddress,
        })
        answerAndClose(
          socket,
          429,
          'Too Many Requests',
          'Too many unfinished requests from your address; try again in a moment.',
        )
        return
      }
      const timer = setTimeout(() => {
        settle(socket)
        options.log?.('connection closed: handshake took too long', { timeoutMs: options.timeoutMs })
        answerAndClose(socket, 408, 'Request Timeout', 'The request took too long to arrive.')
      }, options.timeoutMs)
      timer.unref()
      pending.set(socket, { timer, address })
      socket.once('close', () => settle(socket))
    } catch (error) {
      options.log?.('connection handling failed', { error: String(error) })
      socket.destroy()
    }
  }
  const onRequest = (req: { socket: Socket }): void => settle(req.socket)

  server.on('connection', onConnection)
  server.on('request', onRequest)

  return {
    /** The connection's upgrade was answered (accepted or refused): it no longer counts. */
    settle,
    get pending(): number {
      return pending.size
    },
    close(): void {
      server.off('connection', onConnection)
      server.off('request', onRequest)
      for (const { timer } of pending.values()) clearTimeout(timer)
      pending.clear()
    },
  }
}

/** Writes a bare HTTP answer and closes the connection (nothing else was sent on it yet). */
export function answerAndClose(socket: Duplex, status: number, reason: string, message: string): void {
  if (socket.destroyed) return
  const body = `${message}\n`
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}
