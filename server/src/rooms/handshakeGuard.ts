import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'

export interface HandshakeGuardOptions {
  /** Connections that have not finished their first request, server-wide. */
  maxPending: number
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
 */
export function guardHandshakes(server: Server, options: HandshakeGuardOptions) {
  const pending = new Map<Socket, NodeJS.Timeout>()

  const settle = (socket: Socket): void => {
    const timer = pending.get(socket)
    if (timer === undefined) return
    clearTimeout(timer)
    pending.delete(socket)
  }

  const onConnection = (socket: Socket): void => {
    try {
      if (pending.size >= options.maxPending) {
        options.log?.('connection refused: too many unfinished handshakes', { pending: pending.size })
        answerAndClose(socket, 503, 'Service Unavailable', 'The server is busy; try again in a moment.')
        return
      }
      const timer = setTimeout(() => {
        pending.delete(socket)
        options.log?.('connection closed: handshake took too long', { timeoutMs: options.timeoutMs })
        answerAndClose(socket, 408, 'Request Timeout', 'The request took too long to arrive.')
      }, options.timeoutMs)
      timer.unref()
      pending.set(socket, timer)
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
      for (const timer of pending.values()) clearTimeout(timer)
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
