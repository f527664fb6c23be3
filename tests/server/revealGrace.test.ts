import { afterAll, beforeAll, expect, it } from 'vitest'
import { REVEAL_PUBLISH_GRACE_MS } from '../../shared/permissions'
import { honestFollowUp } from '../helpers/followUp'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { command, ResettingClient } from '../helpers/meetingClient'
import { inZone, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Method 5: while the inbrenger rates the questions nobody adds one (seed 004, step 3). The phase
 * that reveals the sealed questions lets a browser without the meeting key put its own drafts
 * on the board, but only in its first moments, by the server's clock; after that a new note in
 * the questions is refused like in any closed zone.
 */
let clock = 1_800_000_000_000
let server: TestServer
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {}, now: () => clock })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

it('takes a keyless browser’s own draft at the reveal, and no new question later in the rating', async () => {
  const fixture = await meetingIn(server.url, 'warm-neutraal-koud', 'vragen-formuleren', {
    Ina: 'inbrenger',
    Anna: 'deelnemer',
    Bram: 'deelnemer',
  })
  const connect = (name: string) => {
    const client = new ResettingClient(server.url, fixture.roomId, fixture.people[name]!.token)
    clients.push(client)
    return client
  }
  const anna = connect('Anna')
  const bram = connect('Bram')
  const facilitator = Object.assign(connect('begeleider'), { id: fixture.people.begeleider!.id })
  for (const c of [anna, bram, facilitator]) await c.synced()
  const question = (id: string, dx: number) =>
    noteRecord({
      id,
      ...inZone(fixture.template, 'vragen', dx),
      authorId: fixture.people.Anna!.id,
      text: `Vraag ${id}?`,
    })

  await command(server.url, fixture.setup, { type: 'next' })
  // The first moments of the rating: Anna's browser (no key) publishes her draft.
  anna.current.kv.set('shape:published', question('shape:published', 0))
  await eventually(() => bram.current.kv.get('shape:published') !== undefined, 5000, 'published at bram')
  expect(anna.refusals).toEqual([])

  // Later in the rating: a new question is refused and reaches nobody.
  clock += REVEAL_PUBLISH_GRACE_MS
  anna.current.kv.set('shape:late', question('shape:late', 240))
  await eventually(() => anna.refusals.length === 1, 5000, 'refusal')
  expect(anna.refusals[0]!.code).toBe('forbidden')
  await honestFollowUp(facilitator, bram, 'shape:after-late')
  expect(bram.current.kv.get('shape:late')).toBeUndefined()
})
