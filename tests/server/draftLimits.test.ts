import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, sealText } from '../../client/src/meeting/drafts/sealing'
import { DRAFT_LIMITS } from '../../shared/drafts/sealedDrafts'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api } from '../helpers/meetingClient'
import { type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { makeTempDir } from '../helpers/tempDir'

/**
 * How many sealed drafts one person keeps in one private zone: at most the zone's quota for their
 * role when it has one (an organisation's own method may give a private zone a quota), else at
 * most DRAFT_LIMITS.maxDraftsPerZone. Up to the limit is stored; one more is refused with the
 * limit, and what was stored before stays as it was.
 */
const own = makeTempDir('intervisiebord-templates-')
let server: TestServer

beforeAll(async () => {
  // The mini method of the tests, its first phase writing privately: questions with a quota of
  // three, the gossip zone without one.
  const method = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../fixtures/mini-method.json'), 'utf8'),
  )
  const zones = method.phases[0].zones
  zones.vragen.deelnemer = { can: ['add', 'editOwn'], quota: 3, private: true }
  zones.roddelzone.deelnemer = { can: ['add', 'editOwn'], private: true }
  writeFileSync(path.join(own.dir, 'mini.json'), JSON.stringify(method))
  server = await startTestServer({ env: { TEMPLATES_DIR: own.dir }, log: () => {} })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
  own.cleanup()
})

async function sealedDrafts(fixture: MeetingFixture, count: number, prefix: string) {
  const key = await importMeetingKey(newMeetingKey())
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const shapeId = `shape:${prefix}${i}`
      return { shapeId, sealed: await sealText(key, fixture.setup.meetingId, shapeId, `notitie ${i}`) }
    }),
  )
}

const putDrafts = (fixture: MeetingFixture, zoneId: string, drafts: unknown[]) =>
  api<{ error?: string; max?: number; field?: string }>(
    server.url,
    `/meetings/${fixture.setup.meetingId}/drafts/mine/${zoneId}`,
    { method: 'PUT', body: { drafts, ready: false }, token: fixture.people.Anna!.token },
  )

const mine = async (fixture: MeetingFixture, zoneId: string) =>
  (
    await api<{ drafts: Array<{ zoneId: string; shapeId: string }> }>(
      server.url,
      `/meetings/${fixture.setup.meetingId}/drafts/mine`,
      { token: fixture.people.Anna!.token },
    )
  ).body.drafts
    .filter((d) => d.zoneId === zoneId)
    .map((d) => d.shapeId)

it('keeps a private zone’s quota on sealed drafts: three stored, a fourth refused with the quota', async () => {
  const fixture = await meetingIn(server.url, 'mini-methode', 'vragen-stellen', { Anna: 'deelnemer' })
  const drafts = await sealedDrafts(fixture, 4, 'q')
  expect((await putDrafts(fixture, 'vragen', drafts.slice(0, 3))).status).toBe(200)
  const over = await putDrafts(fixture, 'vragen', drafts)
  expect([over.status, over.body.error, over.body.max]).toEqual([400, 'draft_quota', 3])
  expect(await mine(fixture, 'vragen')).toEqual(drafts.slice(0, 3).map((d) => d.shapeId))
})

it('keeps at most maxDraftsPerZone sealed drafts in a zone without a quota', async () => {
  const fixture = await meetingIn(server.url, 'mini-methode', 'vragen-stellen', { Anna: 'deelnemer' })
  const limit = DRAFT_LIMITS.maxDraftsPerZone
  const drafts = await sealedDrafts(fixture, limit + 1, 'g')
  expect((await putDrafts(fixture, 'roddelzone', drafts.slice(0, limit))).status).toBe(200)
  const over = await putDrafts(fixture, 'roddelzone', drafts)
  expect([over.status, over.body.error, over.body.field]).toEqual([400, 'invalid_body', 'drafts'])
  expect(await mine(fixture, 'roddelzone')).toHaveLength(limit)
})
