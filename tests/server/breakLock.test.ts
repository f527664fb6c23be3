import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zoneRect } from '../../shared/layout'
import type { Template } from '../../shared/templateSchema'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import {
  api,
  command,
  createMeeting,
  joinMeeting,
  type MeetingSetup,
  ResettingClient,
} from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * A break held by the real server: while the facilitator holds it, a participant's note in an open
 * zone is refused (with "Pauze") and reaches nobody; once lifted, the same note goes through.
 */
let server: TestServer
let setup: MeetingSetup
let template: Template
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
  // Method 12's open questions go on the board as they are written (method 5's are sealed drafts).
  setup = await createMeeting(server.url, 'modelling')
  template = (await api<{ template: Template }>(server.url, '/templates/modelling')).body.template
  await command(server.url, setup, { type: 'start' })
  await command(server.url, setup, { type: 'goto', phaseId: 'open-vragen' })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

async function participant(name: string) {
  const p = await joinMeeting(server.url, setup, name)
  const client = new ResettingClient(server.url, setup.roomId, p.token)
  clients.push(client)
  await client.synced()
  return Object.assign(client, { id: p.id })
}

describe('a break on the server', () => {
  it('refuses a note in an open zone during the break, and takes it after', async () => {
    const piet = await participant('Piet')
    const kees = await participant('Kees')
    const rect = zoneRect(template, 'vragen')
    const note = (id: string) =>
      noteRecord({ id, x: rect.x + 40, y: rect.y + 160, authorId: piet.id, text: 'Wat speelde er toen?' })

    await command(server.url, setup, { type: 'breakStart' })
    piet.current.kv.set('shape:during', note('shape:during'))
    await eventually(() => piet.refusals.length === 1, 3000, 'refusal')
    expect(piet.refusals[0]!.nl).toMatch(/^Pauze/)
    await eventually(() => piet.current.provider.synced, 3000, 'piet resynced')
    expect(kees.current.kv.get('shape:during')).toBeUndefined()
    expect(piet.current.kv.get('shape:during')).toBeUndefined()

    await command(server.url, setup, { type: 'breakEnd' })
    piet.current.kv.set('shape:after', note('shape:after'))
    await eventually(() => kees.current.kv.get('shape:after') !== undefined, 3000, 'note at kees')
    expect(piet.refusals.length).toBe(1)
  })
})
