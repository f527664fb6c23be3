import http from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { upgradeStatus } from '../helpers/meetingClient'

/**
 * Issue 16, finding 2: meetings, groups and free boards cost disk and memory nobody's credential
 * pays for, so each address has a budget for making them (here: 3 at once), answered with 429.
 */

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({
    log: () => {},
    env: { LIMIT_CREATE_BURST: '3', LIMIT_CREATES_PER_HOUR: '1' },
  })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

/** A POST from the given local address (127.0.0.x is all loopback on Linux). */
function post(path: string, body: unknown, localAddress = '127.0.0.1') {
  return new Promise<{ status: number; body: Record<string, unknown>; retryAfter?: string }>(
    (resolve, reject) => {
      const req = http.request(
        `${server.url}/api${path}`,
        { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json' } },
        (res) => {
          let text = ''
          res.on('data', (d) => {
            text += d
          })
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(text),
              retryAfter: res.headers['retry-after'] as string | undefined,
            }),
          )
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify(body))
    },
  )
}

const meeting = { templateId: 'roddelmethode', title: 'Teamintervisie' }

it('refuses a fourth meeting, a group and a new free board from one address, not from another', async () => {
  for (let i = 0; i < 3; i++) expect((await post('/meetings', meeting)).status).toBe(201)
  const over = await post('/meetings', meeting)
  expect(over).toMatchObject({ status: 429, body: { error: 'too_many_creations' } })
  expect(Number(over.retryAfter)).toBeGreaterThan(0)
  expect(over.body.retryAfter).toBe(Number(over.retryAfter))
  expect((await post('/groups', { name: 'Groep Noord', members: [] })).status).toBe(429)
  const board = await upgradeStatus(`${server.url.replace('http', 'ws')}/yjs/nieuw-vrij-bord-0001`)
  expect(board.status).toBe(429)

  expect((await post('/meetings', meeting, '127.0.0.2')).status).toBe(201)
})
