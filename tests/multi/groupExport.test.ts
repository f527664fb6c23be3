import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import { createGroup, METHOD, TestClock } from '../helpers/groupScenario'
import { transferGroup } from '../helpers/groupTransfer'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api } from '../helpers/meetingClient'
import { DATABASE_URL } from './cluster'

/**
 * tests/server/groupExport.test.ts and groupRetention.test.ts on Postgres: each server in a schema
 * of its own. Fails (naming the URL) when Postgres cannot be reached, never skips.
 */
const tag = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
const schemas = [`gexp_a_${tag}`, `gexp_b_${tag}`, `gret_${tag}`]
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 })
db.on('error', () => {})
const servers: TestServer[] = []
const onPostgres = async (schema: string, now?: () => number) => {
  const server = await startTestServer({ now, log: () => {}, env: { DATABASE_URL, DATABASE_SCHEMA: schema } })
  servers.push(server)
  return server
}

afterAll(async () => {
  for (const server of servers) {
    await server.stop()
    server.cleanup()
  }
  for (const schema of schemas)
    await db.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_keys CASCADE`).catch(() => {})
  await db.end()
})

it('exports a group from one Postgres deployment and imports it into another', async () => {
  const clock = new TestClock()
  await transferGroup(await onPostgres(schemas[0]!, clock.now), await onPostgres(schemas[1]!), clock)
}, 90_000)

it('keeps a group’s meetings as long as the group, and sweeps an expired group with them (Postgres)', async () => {
  const DAY = 24 * 60 * 60 * 1000
  const start = Date.UTC(2026, 2, 2, 9, 0)
  let now = start
  const server = await onPostgres(schemas[2]!, () => now)
  const meetingOf = async (group: { groupId: string; secret: string }) =>
    (
      await api<{ meetingId: string }>(server.url, `/groups/${group.groupId}/meetings`, {
        body: { templateId: METHOD, title: 'Reeks', plannedStart: null },
        token: group.secret,
      })
    ).body.meetingId
  const short = await createGroup(server.url, 'Korte groep', [])
  await meetingOf(short)
  const long = await createGroup(server.url, 'Lange groep', [])
  await meetingOf(long)
  expect(
    (
      await api(server.url, `/groups/${short.groupId}/retention`, {
        method: 'PUT',
        body: { days: 10 },
        token: short.secret,
      })
    ).status,
  ).toBe(200)
  const count = async (table: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM ${schemas[2]}.${table}`)).rows[0].n)

  now = start + 11 * DAY
  expect(await server.sweep()).toEqual({ meetings: 1, boards: 0, groups: 1, failed: 0 })
  // The long group's page is opened on day 20: it and its meeting stay past day 30.
  now = start + 20 * DAY
  expect((await api(server.url, `/groups/${long.groupId}`, { token: long.secret })).status).toBe(200)
  now = start + 31 * DAY
  expect(await server.sweep()).toMatchObject({ meetings: 0, groups: 0 })
  expect([await count('meeting'), await count('meeting_group')]).toEqual([1, 1])
  now = start + 51 * DAY
  expect(await server.sweep()).toMatchObject({ meetings: 1, groups: 1 })
  expect([await count('meeting'), await count('meeting_group'), await count('group_meeting')]).toEqual([
    0, 0, 0,
  ])
}, 30_000)
