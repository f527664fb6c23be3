import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import { checkGroupLinkRenewal } from '../helpers/groupLinkRenewal'
import { TestClock } from '../helpers/groupScenario'
import { playGroupSeries } from '../helpers/groupSeries'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { checkLegacyMembers } from '../helpers/legacyMembers'
import { api } from '../helpers/meetingClient'
import { DATABASE_URL } from './cluster'

/**
 * The group series of tests/server/groups.test.ts on Postgres: one instance in this process, in a
 * schema of its own. Fails (naming the URL) when Postgres cannot be reached, never skips.
 */
const schema = `groups_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 })
db.on('error', () => {})
let server: TestServer | undefined

afterAll(async () => {
  await server?.stop()
  server?.cleanup()
  await db.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_keys CASCADE`).catch(() => {})
  await db.end()
})

it('runs a group of three meetings: look-back, register without case text, erasure (Postgres)', async () => {
  const clock = new TestClock()
  server = await startTestServer({
    now: clock.now,
    log: () => {},
    env: { DATABASE_URL, DATABASE_SCHEMA: schema },
  })
  const { base, group, first, second } = await playGroupSeries(server, clock)

  const rows = async () =>
    Number(
      (
        await db.query(`SELECT count(*) AS n FROM ${schema}.presence WHERE meeting_id = $1`, [
          second.meetingId,
        ])
      ).rows[0].n,
    )
  expect(await rows()).toBeGreaterThan(0)
  const erased = await api(base, `/meetings/${second.meetingId}`, {
    method: 'DELETE',
    token: second.people.Bea!.token,
  })
  expect(erased.status).toBe(200)
  expect(await rows()).toBe(0)

  // Erasing the group takes its name, members, series and register in one transaction.
  const count = async (sql: string, value: string) => Number((await db.query(sql, [value])).rows[0].n)
  expect(
    await count(`SELECT count(*) AS n FROM ${schema}.presence WHERE meeting_id = $1`, first.meetingId),
  ).toBe(3)
  const erased2 = await api(base, `/groups/${group.groupId}`, { method: 'DELETE', token: group.secret })
  expect(erased2.status).toBe(200)
  expect(await count(`SELECT count(*) AS n FROM ${schema}.meeting_group WHERE id = $1`, group.groupId)).toBe(
    0,
  )
  expect(
    await count(`SELECT count(*) AS n FROM ${schema}.group_meeting WHERE group_id = $1`, group.groupId),
  ).toBe(0)
  expect(
    await count(`SELECT count(*) AS n FROM ${schema}.presence WHERE meeting_id = $1`, first.meetingId),
  ).toBe(0)
}, 60_000)

it('renews a group link: the old one opens nothing, the new one everything (Postgres)', async () => {
  await checkGroupLinkRenewal(server!.url)
})

it('moves a group from before members had ids on start-up (Postgres)', async () => {
  const clock = new TestClock()
  const env = { DATABASE_URL, DATABASE_SCHEMA: schema }
  await server?.stop()
  server = await checkLegacyMembers(
    async () => (server = await startTestServer({ now: clock.now, log: () => {}, env })),
    async (groupId) => {
      await db.query(`UPDATE ${schema}.meeting_group SET members_json = '["Bea","Ahmed"]' WHERE id = $1`, [
        groupId,
      ])
      await db.query(`UPDATE ${schema}.participant SET member_id = NULL, name_key = NULL`)
    },
    clock,
  )
}, 60_000)
