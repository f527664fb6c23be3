import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { ResettingClient } from '../helpers/meetingClient'
import { type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { eventually } from '../helpers/yjsClient'
import { imageAsset, imageShape } from '../rules/boardShapes'

/**
 * Issue 16, finding 3, on the real server: a participant who may write nowhere adds no asset,
 * an asset comes only with the shape that shows it, and a meeting's assets have a byte budget
 * (here 300 KB together, 200 KB each).
 */
let server: TestServer
let meeting: MeetingFixture
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({
    log: () => {},
    env: { LIMIT_ASSET_BYTES: '200000', LIMIT_MEETING_ASSET_BYTES: '300000' },
  })
  // The introduction: only the inbrenger writes (the case); a deelnemer may write nowhere.
  meeting = await meetingIn(server.url, 'roddelmethode', 'introductie', {
    Piet: 'deelnemer',
    Inge: 'inbrenger',
  })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

async function as(name: string) {
  const client = new ResettingClient(server.url, meeting.roomId, meeting.people[name]!.token)
  clients.push(client)
  await client.synced()
  return client
}
const onServer = (id: string) => {
  const records = server.registry.peek(meeting.roomId)?.doc.getArray('tl_records').toJSON() ?? []
  return (records as Array<{ key: string }>).some((e) => e.key === id)
}
const data = (bytes: number) => `data:image/png;base64,${'A'.repeat(bytes - 22)}`
/** After a refusal: the client has started over on a fresh document, synced. */
async function startedOver(client: ResettingClient, old: ResettingClient['current'], refusals: number) {
  await eventually(() => client.refusals.length === refusals, 3000, `refusal ${refusals}`)
  await eventually(() => client.current !== old && client.current.provider.synced, 3000, 'started over')
}
/** A pasted picture: its asset and the image shape that shows it, in one transaction. */
function paste(client: ResettingClient, authorId: string, n: number, bytes: number): string {
  const rect = zoneRect(meeting.template, 'casus')
  const asset = imageAsset(`asset:foto-${n}`, authorId, data(bytes))
  const shape: BoardRecord = imageShape(`shape:foto-${n}`, asset.id, {
    x: rect.x + 40,
    y: rect.y + 60,
    authorId,
  })
  client.current.doc.transact(() => {
    client.current.kv.set(asset.id, asset)
    client.current.kv.set(shape.id, shape)
  })
  return asset.id
}

it('refuses an asset from a participant who may write nowhere, alone or with its shape', async () => {
  const piet = await as('Piet')
  const pietId = meeting.people.Piet!.id
  const alone = imageAsset('asset:alleen', pietId, data(900))
  const before = piet.current
  piet.current.kv.set(alone.id, alone)
  await startedOver(piet, before, 1)
  paste(piet, pietId, 0, 900)
  await eventually(() => piet.refusals.length === 2, 3000, 'refusal of the pasted picture')
  expect(onServer(alone.id)).toBe(false)
  expect(onServer('asset:foto-0')).toBe(false)
})

it('takes pictures from someone who may write, up to the meeting’s asset bytes', async () => {
  const inge = await as('Inge')
  const ingeId = meeting.people.Inge!.id
  const first = paste(inge, ingeId, 1, 150_000)
  await eventually(() => onServer(first), 3000, 'the first picture on the server')
  await eventually(() => inge.current.provider.synced, 3000, 'inge synced')
  const before = inge.current
  paste(inge, ingeId, 2, 160_000)
  await startedOver(inge, before, 1)
  expect(inge.refusals[0]!.en).toContain('does not fit')
  expect(onServer('asset:foto-2')).toBe(false)
  paste(inge, ingeId, 3, 200_001)
  await eventually(() => inge.refusals.length === 2, 3000, 'refusal over the asset bytes')
  expect(inge.refusals[1]!.en).toContain('too large')
})
