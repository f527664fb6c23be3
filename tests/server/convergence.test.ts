import { afterEach, expect, it } from 'vitest'
import { RECORDS_ARRAY } from '../../shared/wire'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

/** A seeded pseudo-random generator, so a failing seed can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

let server: TestServer | undefined
const clients: TestClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server?.cleanup()
})

function snapshot(c: TestClient): string {
  return JSON.stringify([...c.kv.map.entries()].map(([k, e]) => [k, e.val]).sort())
}

for (const seed of [1, 2, 3]) {
  it(`converges after random edits, offline spells and reconnects (seed ${seed})`, async () => {
    server = await startTestServer({ log: () => {} })
    const room = `convergence-${seed}`
    for (let i = 0; i < 4; i++) clients.push(connectClient(server.url, room))
    await Promise.all(clients.map((c) => waitForSync(c)))
    const random = rng(seed)
    for (let step = 0; step < 300; step++) {
      const c = clients[Math.floor(random() * clients.length)]!
      const roll = random()
      if (roll < 0.05) {
        // Go offline or come back; edits made offline are sent on reconnect.
        if (c.provider.wsconnected || c.provider.wsconnecting) c.provider.disconnect()
        else c.provider.connect()
      } else if (roll < 0.2) {
        c.kv.delete(`shape:${Math.floor(random() * 12)}`)
      } else {
        const key = `shape:${Math.floor(random() * 12)}`
        c.kv.set(key, { id: key, x: Math.floor(random() * 1000), by: clients.indexOf(c) })
      }
      if (step % 25 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    for (const c of clients) if (!c.provider.wsconnected) c.provider.connect()
    const roomDoc = () => server!.registry.peek(room)!.doc
    await eventually(
      () => {
        const first = snapshot(clients[0]!)
        return clients.every((c) => c.provider.synced && snapshot(c) === first)
      },
      10_000,
      'all clients converge',
    )
    // The server holds the same records (the rightmost entry per key wins, as in YKeyValue).
    const serverRecords = new Map<string, unknown>()
    for (const e of roomDoc().getArray<{ key: string; val: unknown }>(RECORDS_ARRAY).toArray())
      serverRecords.set(e.key, e.val)
    expect(JSON.stringify([...serverRecords.entries()].sort())).toBe(snapshot(clients[0]!))
    expect(roomDoc().store.pendingStructs).toBeNull()
  })
}
