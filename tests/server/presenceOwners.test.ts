import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { ResettingClient } from '../helpers/meetingClient'
import { meetingIn } from '../helpers/meetingFixture'
import { eventually } from '../helpers/yjsClient'

/**
 * One person on two devices (their personal link): the second device's stock client echoes the
 * first one's presence back to the server. Closing the second device must leave the first one
 * present for everyone (it used to carry the first one's presence off with it).
 */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

it('keeps a person present on their laptop when their phone leaves', async () => {
  const m = await meetingIn(server.url, 'intervisie-8-stappen', 'casus', { Anna: 'deelnemer' })
  const watcher = new ResettingClient(server.url, m.roomId, m.people.begeleider!.token)
  const laptop = new ResettingClient(server.url, m.roomId, m.people.Anna!.token)
  for (const c of [watcher, laptop]) await c.synced()
  laptop.current.provider.awareness.setLocalStateField('away', false)
  const laptopId = laptop.current.doc.clientID
  const seen = () => watcher.current.provider.awareness.getStates().has(laptopId)
  await eventually(seen, 3000, 'laptop present')

  const phone = new ResettingClient(server.url, m.roomId, m.people.Anna!.token)
  await phone.synced()
  phone.current.provider.awareness.setLocalStateField('away', false)
  // The phone has received (and, as a stock client does, echoed) the laptop's presence.
  await eventually(() => phone.current.provider.awareness.getStates().has(laptopId), 3000, 'echo')
  await new Promise((r) => setTimeout(r, 300))
  phone.destroy()
  await new Promise((r) => setTimeout(r, 1000))
  expect(seen()).toBe(true)
  watcher.destroy()
  laptop.destroy()
})
