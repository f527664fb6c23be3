import { afterAll, beforeAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

/**
 * A presence storm reaches each client as at most about 30 frames a second, whatever the number
 * of people moving their cursors, and the last position of everyone still arrives. Ten stock
 * clients: each echoes the others' presence back (y-websocket does), which must not get it closed.
 */
const ROOM = 'presence-window-abc123'
let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

/** A socket that only counts the presence frames (message type 1) it is sent. */
function frameCounter(): Promise<{ count: () => number; close: () => void }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${ROOM}`)
  let frames = 0
  ws.on('message', (data: Buffer) => {
    if (data[0] === 1) frames++
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ count: () => frames, close: () => ws.close() }))
    ws.once('error', reject)
  })
}

it('sends a storm of cursors as at most one presence frame per window', async () => {
  const movers: TestClient[] = []
  for (let i = 0; i < 10; i++) {
    const c = connectClient(server.url, ROOM)
    clients.push(c)
    await waitForSync(c)
    movers.push(c)
  }
  const counter = await frameCounter()
  await new Promise((r) => setTimeout(r, 300))
  const before = counter.count()

  // Ten people move their cursor every 10 ms for a second: 1,000 presence changes.
  const started = Date.now()
  let step = 0
  while (Date.now() - started < 1000) {
    step++
    for (const [i, c] of movers.entries())
      c.provider.awareness.setLocalStateField('cursor', { x: step, y: i })
    await new Promise((r) => setTimeout(r, 10))
  }
  const seconds = (Date.now() - started) / 1000
  await new Promise((r) => setTimeout(r, 200))
  const frames = counter.count() - before
  // About 30 a second; some slack for timers on a busy machine, far below one per change.
  expect(frames).toBeGreaterThan(0)
  expect(frames / seconds).toBeLessThanOrEqual(40)

  // Everyone's last position arrived.
  const watcher = movers[0]!.provider.awareness
  await eventually(
    () =>
      movers.every(
        (c, i) =>
          (watcher.getStates().get(c.doc.clientID) as { cursor?: { x: number; y: number } } | undefined)
            ?.cursor?.x === step && i >= 0,
      ),
    3000,
    'last cursor positions',
  )
  counter.close()
})
