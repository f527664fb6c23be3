import type { IncomingMessage, Server } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { CloseCode } from '../../../shared/closeCodes'
import { ROOM_PROTOCOL, tokenFromProtocols } from '../../../shared/roomHandshake'
import { DEFAULT_LIMITS, type Limits } from '../limits'
import { AddressCounter, clientAddress } from './clientAddress'
import { type ConnectionIdentity, SocketConnection } from './connection'
import { answerAndClose, guardHandshakes } from './handshakeGuard'
import { originAllowed } from './originCheck'
import { TokenBucket } from './rateLimit'
import { type Room, RoomLoadError } from './room'
import { isValidRoomId } from './roomId'
import { type RoomRegistry, RoomsFullError } from './roomRegistry'

/** The answer to an upgrade request: who is connecting, or why not (sent as plain HTTP). */
export type UpgradeDecision =
  | { ok: true; identity: ConnectionIdentity | null }
  | { ok: false; status: number; message: string }

/** What a client presented when it asked to open a room. */
export interface Handshake {
  /** The session token from `Sec-WebSocket-Protocol`; null if none (a token in the URL counts as none). */
  token: string | null
  req: IncomingMessage
}

export interface RoomSocketsOptions {
  /** Decides before the upgrade; the default lets everyone in anonymously. */
  authorize?: (roomId: string, handshake: Handshake) => UpgradeDecision | Promise<UpgradeDecision>
  log?: (line: string, fields?: Record<string, unknown>) => void
  pingIntervalMs?: number
  limits?: Limits
  /** PUBLIC_URL's origin; see `originAllowed`. */
  publicOrigin?: string | null
  /** Count connections by the last X-Forwarded-For hop (TRUST_PROXY). */
  trustProxy?: boolean
  /** Told when a connection has joined its room and when it has left (attendance). Must not throw. */
  connections?: {
    opened(connectionId: string, identity: ConnectionIdentity | null): void
    closed(connectionId: string): void
  }
}

const ROOM_PATH = /^\/yjs\/([^/]*)$/

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/**
 * Hosts rooms at /yjs/<roomId> over the standard y-websocket protocol on a Node HTTP server.
 * Everything that can be refused (path, Origin, connections per address, room id, token, a room
 * that fails to load, a full server) is refused before the upgrade, with a plain HTTP status and
 * a sentence saying what was wrong. After it, every handler is wrapped: nothing a client sends
 * can throw out of an event handler (which would end the process); the connection is closed
 * instead and the log says why.
 */
export function attachRoomSockets(server: Server, registry: RoomRegistry, options: RoomSocketsOptions = {}) {
  const log = options.log ?? (() => {})
  const limits = options.limits ?? DEFAULT_LIMITS
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.frameBytes,
    // Answer with our protocol only: the token the client offered beside it is never echoed.
    handleProtocols: (offered) => (offered.has(ROOM_PROTOCOL) ? ROOM_PROTOCOL : false),
  })
  const alive = new WeakMap<object, boolean>()
  const addresses = new AddressCounter(limits.connectionsPerAddress)
  const handshakes = guardHandshakes(server, {
    maxPending: limits.unauthenticatedSockets,
    maxPendingPerAddress: options.trustProxy ? null : limits.unfinishedPerAddress,
    timeoutMs: limits.handshakeMs,
    log,
  })

  const refuse = (socket: Duplex, status: number, message: string): void =>
    answerAndClose(socket, status, STATUS_TEXT[status] ?? 'Error', message)

  /** The upgrade request, checked in order; returns once the socket is attached or refused. */
  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Parse the path only: the query may hold a token that must not reach any log.
    const url = new URL(req.url ?? '/', 'http://localhost')
    const match = ROOM_PATH.exec(url.pathname)
    if (!match) return refuse(socket, 404, 'No room here: rooms live at /yjs/<roomId>.')
    if (!originAllowed(req, options.publicOrigin ?? null)) {
      log('upgrade refused: foreign origin', { origin: req.headers.origin?.slice(0, 200) })
      return refuse(socket, 403, 'This page may not open rooms on this server (Origin not allowed).')
    }
    const roomId = safeDecode(match[1] ?? '')
    if (roomId === null || !isValidRoomId(roomId)) {
      return refuse(socket, 400, 'Invalid room id: expected 8 to 64 characters of A-Z, a-z, 0-9, _ or -.')
    }

    const address = clientAddress(req, options.trustProxy ?? false)
    if (!addresses.tryAdd(address)) {
      log('upgrade refused: too many connections from one address', { room: roomId })
      return refuse(socket, 429, 'Too many connections from your address; close a tab or try again later.')
    }
    // Counted until the socket closes, whatever happens next.
    socket.once('close', () => addresses.remove(address))

    const handshake: Handshake = {
      token: url.searchParams.has('token') ? null : tokenFromProtocols(req.headers['sec-websocket-protocol']),
      req,
    }
    const decision = options.authorize
      ? await options.authorize(roomId, handshake)
      : { ok: true as const, identity: null }
    if (!decision.ok) return refuse(socket, decision.status, decision.message)

    let room: Room
    try {
      room = await registry.acquire(roomId)
    } catch (error) {
      if (error instanceof RoomsFullError) {
        log('upgrade refused: rooms in memory at their limit', { room: roomId })
        return refuse(
          socket,
          503,
          'The server is full: too many boards are open. Try again in a few minutes.',
        )
      }
      if (!(error instanceof RoomLoadError)) throw error
      log('room could not be loaded', { room: roomId, error: error.message })
      return refuse(socket, 503, 'This room could not be loaded; nothing was changed. Try again later.')
    }

    let attached = false
    try {
      wss.handleUpgrade(req, socket, head, (ws) => {
        attached = true
        try {
          attach(ws, room, roomId, decision.identity)
        } catch (error) {
          log('closing connection: attaching it failed', { room: roomId, error: describe(error) })
          ws.terminate()
        }
      })
    } finally {
      // ws refused the handshake itself (a malformed request): the room must not stay held.
      if (!attached) registry.released(roomId)
    }
  }

  const attach = (ws: WebSocket, room: Room, roomId: string, identity: ConnectionIdentity | null): void => {
    const conn = new SocketConnection(ws, identity)
    const bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst)
    alive.set(ws, true)
    log('connection opened', { room: roomId, conn: conn.id, participant: identity?.participantId })
    ws.on('pong', () => alive.set(ws, true))
    ws.on('message', (data, isBinary) => {
      if (conn.isClosed) return
      try {
        if (!bucket.take()) {
          log('closing connection: too many messages', { room: roomId, conn: conn.id })
          conn.close(CloseCode.tooManyMessages, 'too many messages')
          return
        }
        if (!isBinary) {
          conn.close(CloseCode.malformedMessage, 'malformed message: text frame, expected binary')
          return
        }
        room.handleFrame(conn, toUint8Array(data))
      } catch (error) {
        // One catch per frame: this connection goes, the room and the process stay.
        log('closing connection: handling a frame failed', {
          room: roomId,
          conn: conn.id,
          error: describe(error),
        })
        conn.close(CloseCode.frameFailed, 'the server could not handle a frame')
      }
    })
    ws.on('error', (error) => {
      // ws closes with 1009 itself when a frame exceeds maxPayload.
      log('connection error', { room: roomId, conn: conn.id, error: describe(error) })
    })
    ws.on('close', (code) => {
      log('connection closed', { room: roomId, conn: conn.id, code })
      try {
        options.connections?.closed(conn.id)
        room.removeConnection(conn)
        registry.released(roomId)
      } catch (error) {
        log('leaving the room failed', { room: roomId, conn: conn.id, error: describe(error) })
      }
    })
    try {
      room.addConnection(conn)
      options.connections?.opened(conn.id, identity)
    } catch (error) {
      log('closing connection: joining the room failed', {
        room: roomId,
        conn: conn.id,
        error: describe(error),
      })
      conn.close(CloseCode.roomUnavailable, 'room could not be joined')
    }
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A client may reset the connection while we answer; an unhandled 'error' would end the process.
    socket.on('error', () => {})
    upgrade(req, socket, head)
      .catch((error) => {
        log('upgrade failed', { error: describe(error) })
        refuse(socket, 500, 'The server could not handle this request.')
      })
      .finally(() => handshakes.settle(req.socket as Socket))
      .catch(() => {})
  }
  server.on('upgrade', onUpgrade)

  // Drop connections that stopped answering pings, so their presence does not linger.
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      try {
        if (alive.get(ws) === false) {
          ws.terminate()
          continue
        }
        alive.set(ws, false)
        ws.ping()
      } catch (error) {
        log('ping failed', { error: describe(error) })
      }
    }
  }, options.pingIntervalMs ?? 30_000)
  pinger.unref()

  return {
    wss,
    close(): void {
      clearInterval(pinger)
      server.off('upgrade', onUpgrade)
      handshakes.close()
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'server shutting down')
      wss.close()
    },
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error)
  } catch {
    return 'unprintable error'
  }
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
