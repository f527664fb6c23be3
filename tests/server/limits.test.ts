import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { DEFAULT_LIMITS } from '../../server/src/limits'
import { addressKey } from '../../server/src/rooms/clientAddress'
import { TokenBucket } from '../../server/src/rooms/rateLimit'
import { CloseCode } from '../../shared/closeCodes'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { upgradeStatus } from '../helpers/meetingClient'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

/** The connection-level limits of server/src/limits.ts, each through a real server and real sockets. */

let servers: TestServer[] = []
let clients: TestClient[] = []
let sockets: Array<WebSocket | net.Socket> = []

afterEach(async () => {
  for (const c of clients) c.destroy()
  for (const s of sockets) s instanceof WebSocket ? s.terminate() : s.destroy()
  for (const s of servers) {
    await s.stop().catch(() => {})
    s.cleanup()
  }
  clients = []
  sockets = []
  servers = []
})

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer({ env, log: () => {} })
  servers.push(s)
  return s
}
const roomUrl = (s: TestServer, room: string) => `${s.url.replace('http', 'ws')}/yjs/${room}`

function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers })
  sockets.push(ws)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}
function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)))
}
function client(s: TestServer, room: string): TestClient {
  const c = connectClient(s.url, room)
  clients.push(c)
  return c
}

describe('messages per second (token bucket)', () => {
  /** Frame arrival times (ms) over `seconds`: tldraw's store flushes plus presence, with network stalls. */
  function honestTrace(seconds: number): number[] {
    const times: number[] = []
    const flush = 1000 / 139 // tldraw's FpsScheduler at its fastest
    for (let t = 0; t < seconds * 1000; t += flush) times.push(t)
    for (let t = 0; t < seconds * 1000; t += 50) times.push(t) // presence, 20 Hz
    for (let t = 0; t < seconds * 1000; t += 15_000) times.push(t) // awareness renewal
    // Every 30 s the network stalls for 2 s and delivers what queued up at once.
    return times.map((t) => (t % 30_000 < 2000 ? t - (t % 30_000) + 2000 : t)).sort((a, b) => a - b)
  }
  function firstRefusal(times: number[]): number | null {
    let now = 0
    const bucket = new TokenBucket(DEFAULT_LIMITS.messagesPerSecond, DEFAULT_LIMITS.messageBurst, () => now)
    for (const t of times) {
      now = t
      if (!bucket.take()) return t
    }
    return null
  }

  it('never refuses ten minutes of an honest client dragging and drawing without pause', () => {
    expect(firstRefusal(honestTrace(600))).toBeNull()
  })

  it('refuses a flood of 1000 frames a second within its first second', () => {
    const flood = Array.from({ length: 5000 }, (_, i) => i)
    expect(firstRefusal(flood)).toBeLessThan(1000)
  })

  it('closes a socket that floods with 4429, and the room stays open for others', async () => {
    const s = await server()
    const flooder = await openSocket(roomUrl(s, 'flood-room-1'))
    const code = closed(flooder)
    const queryAwareness = new Uint8Array([3])
    for (let i = 0; i < 3000; i++) flooder.send(queryAwareness)
    expect(await code).toBe(CloseCode.tooManyMessages)
    const other = client(s, 'flood-room-1')
    await waitForSync(other)
  })

  it('keeps an honest client (a drag at tldraw speed and its cursor) connected', async () => {
    const s = await server()
    const honest = client(s, 'honest-room-1')
    const closes: number[] = []
    honest.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    await waitForSync(honest)
    // 900 moves at tldraw's fastest flush rate plus the cursor at 20 Hz, on the wall clock: if
    // this process stalls, what is due goes out at once, as a network stall would deliver it.
    const moves = 900
    const start = performance.now()
    let sent = 0
    let cursors = 0
    while (sent < moves) {
      const elapsed = performance.now() - start
      const due = Math.min(moves, Math.floor((elapsed / 1000) * 139))
      while (sent < due) honest.kv.set('shape:dragged', { x: ++sent })
      while (cursors < Math.floor(elapsed / 50))
        honest.provider.awareness.setLocalStateField('cursor', { x: ++cursors })
      await new Promise((r) => setTimeout(r, 5))
    }
    const watcher = client(s, 'honest-room-1')
    await eventually(() => (watcher.kv.get('shape:dragged') as { x: number })?.x === moves, 5000, 'last move')
    expect(sent + cursors).toBeGreaterThan(DEFAULT_LIMITS.messageBurst + 300)
    expect(closes).toEqual([])
  }, 15_000)
})

describe('connections per address', () => {
  it('answers 429 over the limit, and counts again when a socket closes or an upgrade is refused', async () => {
    const s = await server({ LIMIT_CONNECTIONS_PER_ADDRESS: '3' })
    const open = await Promise.all([1, 2, 3].map(() => openSocket(roomUrl(s, 'address-room-1'))))
    const refused = await upgradeStatus(roomUrl(s, 'address-room-1'))
    expect(refused.status).toBe(429)
    // A forged X-Forwarded-For does not help without TRUST_PROXY.
    const forged = { headers: { 'X-Forwarded-For': '198.51.100.7' } }
    expect((await upgradeStatus(roomUrl(s, 'address-room-1'), forged)).status).toBe(429)

    open[0]!.close()
    // The room sees the leave after the address count has dropped (same socket close, earlier listener).
    await eventually(() => s.registry.peek('address-room-1')?.connections.size === 2, 3000, 'one left')
    // Refused upgrades (401 after counting) must not keep their count.
    for (let i = 0; i < 4; i++) {
      expect((await upgradeStatus(roomUrl(s, 'm-nosuchmeeting00000000'), { token: 'x' })).status).toBe(401)
    }
    expect((await upgradeStatus(roomUrl(s, 'address-room-1'))).status).toBe(101)
  })

  it('with TRUST_PROXY counts the last X-Forwarded-For hop, whatever the client wrote before it', async () => {
    const s = await server({ LIMIT_CONNECTIONS_PER_ADDRESS: '2', TRUST_PROXY: '1' })
    const viaProxy = (chain: string) => ({ 'X-Forwarded-For': chain })
    await openSocket(roomUrl(s, 'proxy-room-1'), viaProxy('203.0.113.1, 192.0.2.10'))
    await openSocket(roomUrl(s, 'proxy-room-1'), viaProxy('203.0.113.2, 192.0.2.10'))
    const same = await upgradeStatus(roomUrl(s, 'proxy-room-1'), {
      headers: viaProxy('203.0.113.3, 192.0.2.10'),
    })
    expect(same.status).toBe(429)
    const other = await upgradeStatus(roomUrl(s, 'proxy-room-1'), { headers: viaProxy('192.0.2.11') })
    expect(other.status).toBe(101)
  })

  it('counts IPv6 clients by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'))
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'))
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
  })
})

describe('rooms in memory', () => {
  it('frees an idle empty room for a new one, and refuses with 503 "full" when every room is in use', async () => {
    const s = await server({ LIMIT_ROOMS: '2', ROOM_IDLE_MS: '60000' })
    const a = client(s, 'rooms-room-a')
    const b = client(s, 'rooms-room-b')
    await Promise.all([waitForSync(a), waitForSync(b)])
    a.kv.set('shape:kept', { text: 'bewaard' })
    const records = () => s.registry.peek('rooms-room-a')?.doc.getArray('tl_records').length ?? 0
    await eventually(() => records() > 0, 3000, 'the edit reached the server')

    const full = await upgradeStatus(roomUrl(s, 'rooms-room-c'))
    expect(full.status).toBe(503)
    expect(full.body).toMatch(/server is full/)
    expect(s.registry.size).toBe(2)

    a.destroy()
    await eventually(() => s.registry.peek('rooms-room-a')?.connections.size === 0, 3000, 'a left')
    const c = client(s, 'rooms-room-c')
    await waitForSync(c)
    expect(s.registry.peek('rooms-room-a')).toBeUndefined()
    expect(s.registry.size).toBe(2)

    // The freed room was stored: it comes back whole once there is room for it again.
    c.destroy()
    await eventually(() => s.registry.peek('rooms-room-c')?.connections.size === 0, 3000, 'c left')
    const again = client(s, 'rooms-room-a')
    await waitForSync(again)
    expect(again.kv.get('shape:kept')).toEqual({ text: 'bewaard' })
  })
})

describe('unfinished handshakes', () => {
  /** A raw TCP connection; resolves with what the server wrote once it closed the connection. */
  function rawTcp(s: TestServer, send?: string): Promise<{ socket: net.Socket; answer: Promise<string> }> {
    const socket = net.connect(Number(new URL(s.url).port), '127.0.0.1')
    sockets.push(socket)
    let received = ''
    socket.on('data', (d) => {
      received += d
    })
    socket.on('error', () => {})
    const answer = new Promise<string>((resolve) => socket.once('close', () => resolve(received)))
    return new Promise((resolve) =>
      socket.once('connect', () => {
        if (send) socket.write(send)
        resolve({ socket, answer })
      }),
    )
  }

  /** The upgrade's status once the server has seen the silent sockets go (it may lag a moment). */
  async function statusOnceFree(url: string): Promise<number> {
    const deadline = Date.now() + 3000
    for (;;) {
      const { status } = await upgradeStatus(url)
      if (status !== 503 || Date.now() > deadline) return status
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  it('answers 408 and closes a connection that does not finish its request in time', async () => {
    const s = await server({ LIMIT_HANDSHAKE_MS: '300' })
    const { answer } = await rawTcp(s, 'GET /yjs/slow-room-001 HTTP/1.1\r\nHost: localhost\r\nUpgrade: web')
    expect(await answer).toMatch(/^HTTP\/1.1 408/)
  })

  it('bounds connections that have not finished a request (503), but not finished ones or open rooms', async () => {
    const s = await server({ LIMIT_UNAUTHENTICATED_SOCKETS: '3', LIMIT_HANDSHAKE_MS: '60000' })
    // Sockets whose upgrade or request completed no longer count.
    for (let i = 0; i < 4; i++) await openSocket(roomUrl(s, 'open-room-0001'))
    for (let i = 0; i < 4; i++) expect((await fetch(`${s.url}/api/health`)).status).toBe(200)

    const silent = [await rawTcp(s), await rawTcp(s), await rawTcp(s)]
    const over = await rawTcp(s)
    expect(await over.answer).toMatch(/^HTTP\/1.1 503/)

    for (const { socket } of silent) socket.destroy()
    expect(await statusOnceFree(roomUrl(s, 'open-room-0001'))).toBe(101)
  })
})

describe('a frame the room cannot handle', () => {
  it('closes only that connection (4499), logged; the room and the process go on', async () => {
    const s = await server()
    const honest = client(s, 'throwing-room-1')
    await waitForSync(honest)
    const room = s.registry.peek('throwing-room-1')!
    const handleFrame = room.handleFrame.bind(room)
    // Stands for any bug a hostile frame could reach: the room throws for one kind of frame.
    room.handleFrame = (conn, data) => {
      if (data.length === 1 && data[0] === 3) throw new Error('simulated bug in the room')
      handleFrame(conn, data)
    }
    const victim = await openSocket(roomUrl(s, 'throwing-room-1'))
    const code = closed(victim)
    victim.send(new Uint8Array([3]))
    expect(await code).toBe(CloseCode.frameFailed)

    honest.kv.set('shape:after', { ok: true })
    const watcher = client(s, 'throwing-room-1')
    await eventually(() => watcher.kv.get('shape:after') !== undefined, 3000, 'the room still works')
  })

  it('answers 500 when deciding an upgrade throws, and keeps serving', async () => {
    const s = await server()
    s.meetings.authenticate = () => {
      throw new Error('simulated storage failure')
    }
    expect((await upgradeStatus(roomUrl(s, 'm-anymeeting00000000000'), { token: 'x' })).status).toBe(500)
    expect((await upgradeStatus(roomUrl(s, 'free-room-0001'))).status).toBe(101)
  })
})
