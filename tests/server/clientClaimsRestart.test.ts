import { afterAll, expect, it } from 'vitest'
import { command } from '../helpers/meetingClient'
import { inZone, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { openZone, refusalsOf } from '../multi/leaseScenario'

/**
 * A client id's clock range belongs to its first writer after a restart too (claims live in
 * SQLite with the room): Alice writes, goes offline with a note not yet sent; the server restarts;
 * Bob writes with her client id and is refused; Alice's note arrives when she reconnects.
 */

const servers: ServerProcess[] = []
const clients: TestClient[] = []

afterAll(async () => {
  for (const c of clients) {
    try {
      c.destroy()
    } catch {}
  }
  for (const s of servers) await s.stop()
}, 60_000)

it('keeps an offline colleague’s clock range hers after a restart', async () => {
  const first = await startServerProcess()
  servers.push(first)
  const m = await meetingIn(first.url, 'roddelmethode', 'introductie', {
    Alice: 'deelnemer',
    Bob: 'deelnemer',
  })
  const zone = openZone(m.template)
  await command(first.url, m.setup, { type: 'goto', phaseId: zone.phaseId })
  const alice = m.people.Alice!
  const bob = m.people.Bob!
  const note = (id: string, authorId: string, text: string, offset: number) =>
    noteRecord({ id, ...inZone(m.template, zone.zoneId, offset), authorId, text })

  const aliceClient = connectClient(first.url, m.roomId, { token: alice.token })
  clients.push(aliceClient)
  await waitForSync(aliceClient)
  aliceClient.kv.set('shape:alice-1', note('shape:alice-1', alice.id, 'Alice online', 0))
  const watcher = connectClient(first.url, m.roomId, { token: m.setup.facilitator.token })
  clients.push(watcher)
  await eventually(() => watcher.kv.has('shape:alice-1'), 10_000, 'Alice’s first note stored')
  watcher.destroy()
  aliceClient.provider.disconnect()
  aliceClient.kv.set('shape:alice-offline', note('shape:alice-offline', alice.id, 'Alice offline', 60))

  // The same port and data: Alice's provider would come back to it.
  await first.stop({ keepData: true })
  const second = await startServerProcess({ port: first.port, dataDir: first.dataDir })
  servers.push(second)

  const bobClient = connectClient(second.url, m.roomId, { token: bob.token })
  clients.push(bobClient)
  const bobRefusals = refusalsOf(bobClient.provider)
  await waitForSync(bobClient)
  bobClient.doc.clientID = aliceClient.doc.clientID
  bobClient.kv.set('shape:bob-in-alice', note('shape:bob-in-alice', bob.id, 'Bob as Alice', 120))
  await eventually(() => bobRefusals.length > 0, 10_000, 'Bob refused')
  expect(bobRefusals[0]!.code).toBe('forbidden')

  aliceClient.provider.connect()
  const check = connectClient(second.url, m.roomId, { token: m.setup.facilitator.token })
  clients.push(check)
  await waitForSync(check)
  await eventually(() => check.kv.has('shape:alice-offline'), 10_000, 'Alice’s offline note arrives')
  expect(check.kv.has('shape:bob-in-alice')).toBe(false)
}, 90_000)
