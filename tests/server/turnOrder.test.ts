import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api } from '../helpers/meetingClient'
import { meetingIn } from '../helpers/meetingFixture'

/** A round "om de beurt" names people of this meeting only; anyone else is refused by the server. */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

it('refuses a turn order with someone who is not in the meeting, and takes one without', async () => {
  const m = await meetingIn(server.url, 'snelle-adviesrondes', 'adviesronde-1', {
    Anna: 'deelnemer',
    Bram: 'deelnemer',
  })
  const other = await meetingIn(server.url, 'snelle-adviesrondes', 'adviesronde-1', { Cas: 'deelnemer' })
  const start = (order: string[]) =>
    api<{ error?: string }>(server.url, `/meetings/${m.setup.meetingId}/commands`, {
      body: { type: 'turnsStart', order },
      token: m.people.begeleider!.token,
    })
  const refused = await start([m.people.Anna!.id, other.people.Cas!.id])
  expect([refused.status, refused.body.error]).toEqual([404, 'unknown_participant'])
  expect((await start([m.people.Anna!.id, m.people.Bram!.id])).status).toBe(200)
})
