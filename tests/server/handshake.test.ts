import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { ROOM_PROTOCOL, roomProtocols, tokenFromProtocols } from '../../shared/roomHandshake'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { createMeeting, joinMeeting, type MeetingSetup, upgradeStatus } from '../helpers/meetingClient'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'

/**
 * The handshake of a room socket: the session token travels in Sec-WebSocket-Protocol (never in
 * the URL, never echoed, never logged), and a browser page from another origin is refused.
 */

const FREE_ROOM = 'handshake-free-1'
let server: TestServer
let setup: MeetingSetup
let ws: string
const logLines: string[] = []

beforeAll(async () => {
  server = await startTestServer({
    log: (line, fields) => logLines.push(JSON.stringify({ msg: line, ...fields })),
  })
  ws = server.url.replace('http', 'ws')
  setup = await createMeeting(server.url, 'roddelmethode')
})

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

/** Opens a socket and resolves with what the server answered: the upgrade response or a refusal. */
function handshake(
  url: string,
  protocols: string[],
  headers: Record<string, string> = {},
): Promise<{ status: number; protocol: string; responseHeaders: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, { headers })
    let responseHeaders: Record<string, unknown> = {}
    socket.once('upgrade', (res) => {
      responseHeaders = res.headers
    })
    socket.once('open', () => {
      resolve({ status: 101, protocol: socket.protocol, responseHeaders })
      socket.close()
    })
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, protocol: '', responseHeaders: res.headers })
      res.resume()
    })
    socket.once('error', reject)
  })
}

describe('the session token', () => {
  it('is accepted in Sec-WebSocket-Protocol, and the answer names our protocol only, not the token', async () => {
    const answer = await handshake(`${ws}/yjs/${setup.roomId}`, roomProtocols(setup.facilitator.token))
    expect(answer.status).toBe(101)
    expect(answer.protocol).toBe(ROOM_PROTOCOL)
    expect(answer.responseHeaders['sec-websocket-protocol']).toBe(ROOM_PROTOCOL)
    const encoded = roomProtocols(setup.facilitator.token)[1]!
    for (const value of Object.values(answer.responseHeaders)) {
      expect(String(value)).not.toContain(setup.facilitator.token)
      expect(String(value)).not.toContain(encoded)
    }
  })

  it('is refused in the query string, with the same answer as a wrong token, also beside a good one', async () => {
    const room = `${ws}/yjs/${setup.roomId}`
    const token = setup.facilitator.token
    const wrong = await upgradeStatus(room, { token: 'wrong' })
    const inQuery = await upgradeStatus(`${room}?token=${token}`)
    const inBoth = await upgradeStatus(`${room}?token=${token}`, { token })
    expect(wrong.status).toBe(401)
    expect(inQuery).toEqual(wrong)
    expect(inBoth).toEqual(wrong)
  })

  it('reads back what the client encodes, and nothing from a malformed or doubled offer', () => {
    const token = 'abc-DEF_123'
    expect(tokenFromProtocols(roomProtocols(token).join(', '))).toBe(token)
    expect(tokenFromProtocols(`${ROOM_PROTOCOL}, token.!!!`)).toBeNull()
    expect(tokenFromProtocols(`${ROOM_PROTOCOL}, token.`)).toBeNull()
    expect(tokenFromProtocols(`${roomProtocols(token)[1]}, ${roomProtocols('other')[1]}`)).toBeNull()
    expect(tokenFromProtocols(ROOM_PROTOCOL)).toBeNull()
    expect(tokenFromProtocols(undefined)).toBeNull()
  })

  it('appears in no log line: not on join, traffic, refusal or leave', async () => {
    const jan = await joinMeeting(server.url, setup, 'Jan')
    const client = connectClient(server.url, setup.roomId, { token: jan.token })
    await waitForSync(client)
    client.provider.awareness.setLocalStateField('presence', { name: 'Jan' })
    await upgradeStatus(`${ws}/yjs/${setup.roomId}?token=${jan.token}`)
    await upgradeStatus(`${ws}/yjs/m-doesnotexist0000000000`, { token: jan.token })
    client.destroy()
    await eventually(
      () => logLines.some((line) => line.includes('connection closed')),
      3000,
      'the close is logged',
    )
    expect(logLines.length).toBeGreaterThan(2)
    const encoded = roomProtocols(jan.token)[1]!.slice('token.'.length)
    for (const line of logLines) {
      expect(line).not.toContain(jan.token)
      expect(line).not.toContain(encoded)
    }
  })
})

describe('the Origin header', () => {
  const room = () => `${ws}/yjs/${FREE_ROOM}`

  it('without PUBLIC_URL: allows our own host and no Origin, refuses another host and "null"', async () => {
    const host = new URL(server.url).host
    expect((await upgradeStatus(room(), { headers: { Origin: `http://${host}` } })).status).toBe(101)
    expect((await upgradeStatus(room())).status).toBe(101)
    expect((await upgradeStatus(room(), { headers: { Origin: 'http://evil.example' } })).status).toBe(403)
    expect((await upgradeStatus(room(), { headers: { Origin: `http://${host}.evil.example` } })).status).toBe(
      403,
    )
    expect((await upgradeStatus(room(), { headers: { Origin: 'null' } })).status).toBe(403)
  })

  it('with PUBLIC_URL: allows exactly that origin and refuses the others, even our own Host', async () => {
    const proxied = await startTestServer({ env: { PUBLIC_URL: 'https://bord.example.nl/' } })
    try {
      const url = `${proxied.url.replace('http', 'ws')}/yjs/${FREE_ROOM}`
      const host = new URL(proxied.url).host
      const origin = (value: string) => upgradeStatus(url, { headers: { Origin: value } })
      expect((await origin('https://bord.example.nl')).status).toBe(101)
      expect((await origin(`http://${host}`)).status).toBe(403)
      expect((await origin('http://bord.example.nl')).status).toBe(403)
      expect((await upgradeStatus(url)).status).toBe(101)
    } finally {
      await proxied.stop()
      proxied.cleanup()
    }
  })
})
