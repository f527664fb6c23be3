import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { CloseCode, MAX_FRAME_BYTES } from '../../../templates/src/closeCodes'
import { type ConnectionIdentity, SocketConnection } from './connection'
import { isValidRoomId } from './roomId'
import type { RoomRegistry } from './roomRegistry'

/** The answer to an upgrade request: who is connecting, or why not (sent as plain HTTP). */
export type UpgradeDecision =
  | { ok: true; identity: ConnectionIdentity | null }
  | { ok: false; status: number; message: string }

export interface RoomSocketsOptions {
  /** Decides before the upgrade; the default lets everyone in anonymously. */
  authorize?: (roomId: string, url: URL, req: IncomingMessage) => UpgradeDecision
  log?: (line: string, fields?: Record<string, unknown>) => void
  pingIntervalMs?: number
}

const ROOM_PATH = /^\/yjs\/([^/]*)$/

/**
 * Hosts rooms at /yjs/<roomId> over the standard y-websocket protocol on a Node HTTP server.
 * Everything that can be refused (path, room id, token, a room that fails to load) is refused
 * before the upgrade, with a plain HTTP status and a sentence saying what was wrong.
 */
export function attachRoomSockets(server: Server, registry: RoomRegistry, options: RoomSocketsOptions = {}) {
  const log = options.log ?? (() => {})
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const alive = new WeakMap<object, boolean>()

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const match = ROOM_PATH.exec(url.pathname)
    if (!match) return rejectUpgrade(socket, 404, 'No room here: rooms live at /yjs/<roomId>.')
    const roomId = safeDecode(match[1] ?? '')
    if (roomId === null || !isValidRoomId(roomId)) {
      return rejectUpgrade(
        socket,
        400,
        'Invalid room id: expected 8 to 64 characters of A-Z, a-z, 0-9, _ or -.',
      )
    }
    const decision = options.authorize
      ? options.authorize(roomId, url, req)
      : { ok: true as const, identity: null }
    if (!decision.ok) return rejectUpgrade(socket, decision.status, decision.message)

    let room: ReturnType<RoomRegistry['acquire']>
    try {
      room = registry.acquire(roomId)
    } catch (error) {
      log('room could not be loaded', { room: roomId, error: (error as Error).message })
      return rejectUpgrade(
        socket,
        503,
        'This room could not be loaded; nothing was changed. Try again later.',
      )
    }

    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new SocketConnection(ws, decision.identity)
      alive.set(ws, true)
      log('connection opened', { room: roomId, conn: conn.id, participant: decision.identity?.participantId })
      ws.on('pong', () => alive.set(ws, true))
      ws.on('message', (data, isBinary) => {
        if (!isBinary) {
          conn.close(CloseCode.malformedMessage, 'malformed message: text frame, expected binary')
          return
        }
        room.handleFrame(conn, toUint8Array(data))
      })
      ws.on('error', (error) => {
        // ws closes with 1009 itself when a frame exceeds maxPayload.
        log('connection error', { room: roomId, conn: conn.id, error: error.message })
      })
      ws.on('close', (code) => {
        log('connection closed', { room: roomId, conn: conn.id, code })
        room.removeConnection(conn)
        registry.released(roomId)
      })
      room.addConnection(conn)
    })
  })

  // Drop connections that stopped answering pings, so their presence does not linger.
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  }, options.pingIntervalMs ?? 30_000)
  pinger.unref()

  return {
    wss,
    close(): void {
      clearInterval(pinger)
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'server shutting down')
      wss.close()
    },
  }
}

function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    404: 'Not Found',
    503: 'Service Unavailable',
  }
  const body = `${message}\n`
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
