import { afterAll, beforeAll, expect, it } from 'vitest'
import { cursorClientId } from '../../shared/presenceCursor'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { ResettingClient } from '../helpers/meetingClient'
import { inZone, meetingIn } from '../helpers/meetingFixture'
import { eventually } from '../helpers/yjsClient'

/**
 * The cursor entry (shared/presenceCursor.ts) keeps the presence rules of a meeting: it
 * shows nothing from inside a private zone while people write for themselves, carries no identity
 * of its own, and is hidden while the presence is (it pointed at a note revealed without names).
 */
let server: TestServer
const clients: ResettingClient[] = []
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

it('hides a cursor entry inside a private zone, and sends it bare outside one', async () => {
  const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'ieder-voor-zich', {
    Anna: 'deelnemer',
    Bram: 'deelnemer',
  })
  const [anna, bram] = ['Anna', 'Bram'].map((name) => {
    const client = new ResettingClient(server.url, fixture.roomId, fixture.people[name]!.token)
    clients.push(client)
    return client
  }) as [ResettingClient, ResettingClient]
  await anna.synced()
  await bram.synced()
  const awareness = anna.current.provider.awareness
  const cursorId = cursorClientId(anna.current.doc.clientID)
  let clock = 0
  const moveTo = (at: { x: number; y: number }) => {
    awareness.states.set(cursorId, { c: [at.x, at.y] })
    awareness.meta.set(cursorId, { clock: ++clock, lastUpdated: Date.now() })
    awareness.emit('update', [{ added: [], updated: [cursorId], removed: [] }, 'local'])
  }
  const seenByBram = () => bram.current.provider.awareness.getStates().get(cursorId)
  awareness.setLocalStateField('presence', { cursor: { type: 'default', rotation: 0 } })
  const outside = inZone(fixture.template, 'vragen')
  const inside = inZone(fixture.template, 'wat-speelt-er')
  moveTo(outside)
  await eventually(() => seenByBram() !== undefined, 3000, 'cursor outside')
  // Only the cursor: the identity travels in the presence entry.
  expect(seenByBram()).toEqual({ c: [outside.x, outside.y] })
  moveTo(inside)
  await eventually(() => (seenByBram() as { c?: unknown })?.c === null, 3000, 'no cursor inside')

  // A presence that hides its cursor (here: none at all) hides the cursor entry too.
  moveTo(outside)
  await eventually(() => (seenByBram() as { c?: unknown[] })?.c?.[0] === outside.x, 3000, 'back outside')
  awareness.setLocalStateField('presence', { cursor: null })
  moveTo({ x: outside.x + 1, y: outside.y })
  await eventually(() => (seenByBram() as { c?: unknown })?.c === null, 3000, 'hidden with the presence')
})
