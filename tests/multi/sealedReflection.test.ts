import { afterAll, beforeAll, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, sealText } from '../../client/src/meeting/drafts/sealing'
import { REFLECTION_SEAL_ID, type SealedReflection } from '../../shared/outcome/sealedReflection'
import { command, createGroup, groupMeeting } from '../helpers/groupScenario'
import { api } from '../helpers/meetingClient'
import { type Cluster, startCluster } from './cluster'

/**
 * The sealed reflection report on Postgres (the SQLite side: tests/server/sealedReflection.test.ts):
 * written through one instance, read and signed off in the next meeting through the other, no
 * plaintext in its row, and gone with its meeting.
 */
let cluster: Cluster

beforeAll(async () => {
  cluster = await startCluster(2)
}, 90_000)
afterAll(async () => {
  await cluster?.stop()
}, 90_000)

type Answer = { reflection: SealedReflection | null; error?: string }

it('keeps the report sealed in Postgres, for the next meeting, until its meeting is erased', async () => {
  const [a, b] = [cluster.instances[0]!.url, cluster.instances[1]!.url]
  const group = await createGroup(a, 'Reflectiegroep', ['Bea', 'Ahmed', 'Carla'])
  const first = await groupMeeting(a, group, Date.now(), 'Bea', { Ahmed: 'inbrenger', Carla: 'deelnemer' })
  await command(a, first, 'Bea', { type: 'start' })
  await command(a, first, 'Bea', { type: 'finish' })
  const key = await importMeetingKey(newMeetingKey())
  const sealed = await sealText(key, first.meetingId, REFLECTION_SEAL_ID, '{"inzichten":"PG-INZICHT-5521"}')
  const put = (token: string) =>
    api<Answer>(a, `/meetings/${first.meetingId}/reflection`, { method: 'PUT', body: { sealed }, token })
  expect((await put(first.people.Carla!.token)).body.error).toBe('not_reflection_author')
  expect((await put(first.people.Ahmed!.token)).status).toBe(200)

  const rows = await cluster.db.query(`SELECT * FROM ${cluster.schema}.sealed_reflection`)
  expect(JSON.stringify(rows.rows)).toContain(sealed)
  expect(JSON.stringify(rows.rows)).not.toContain('PG-INZICHT-5521')

  const second = await groupMeeting(b, group, Date.now(), 'Ahmed', { Bea: 'deelnemer', Carla: 'inbrenger' })
  const seen = await api<Answer>(b, `/meetings/${second.meetingId}/look-back/reflection`, {
    method: 'GET',
    token: second.people.Carla!.token,
  })
  expect(seen.body.reflection).toMatchObject({ meetingId: first.meetingId, authorName: 'Ahmed', sealed })
  const signed = await api<Answer>(b, `/meetings/${second.meetingId}/look-back/reflection/sign-off`, {
    method: 'POST',
    token: second.people.Ahmed!.token,
  })
  expect(signed.body.reflection?.signOff).toMatchObject({
    participantId: second.people.Ahmed!.id,
    name: 'Ahmed',
  })

  const erased = await api(a, `/meetings/${first.meetingId}`, {
    method: 'DELETE',
    token: first.people.Bea!.token,
  })
  expect(erased.status).toBe(200)
  const left = await cluster.db.query(`SELECT COUNT(*)::int AS n FROM ${cluster.schema}.sealed_reflection`)
  expect(left.rows[0]).toEqual({ n: 0 })
}, 60_000)
