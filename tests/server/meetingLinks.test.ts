import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting, joinMeeting } from '../helpers/meetingClient'
import { makeTempDir } from '../helpers/tempDir'

type Body = Record<string, unknown>

const temp = makeTempDir()
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ dataDir: temp.dir, log: () => {} })
})
afterAll(async () => {
  await server.stop()
  temp.cleanup()
})

const preview = (meetingId: string, secret: string) =>
  api<Body>(server.url, `/meetings/${meetingId}/preview`, { body: { secret } })
const renew = (meetingId: string, token?: string) =>
  api<Body>(server.url, `/meetings/${meetingId}/invite`, { method: 'POST', token })
const join = (meetingId: string, secret: string, name: string) =>
  api<Body>(server.url, `/meetings/${meetingId}/join`, { body: { secret, name } })
const secretOf = (invitePath: unknown) => String(invitePath).split('#uitnodiging=')[1]!

describe('join screen preview', () => {
  it('names the meeting, its method and its facilitator, and nothing more', async () => {
    const setup = await createMeeting(server.url, 'warm-neutraal-koud')
    const asInvite = await preview(setup.meetingId, setup.inviteSecret)
    expect(asInvite.status).toBe(200)
    expect(asInvite.body).toEqual({
      title: 'Teamintervisie',
      method: { nl: 'Warm, neutraal, koud', en: 'Warm, neutral, cold' },
      facilitator: 'Bea Begeleider',
      link: 'invite',
      // Not a group's meeting (a member's browser would join as that member).
      groupId: null,
    })
    const asFacilitator = await preview(setup.meetingId, setup.facilitatorSecret)
    expect(asFacilitator.body).toMatchObject({ link: 'facilitator', facilitator: 'Bea Begeleider' })
  })

  it('says no facilitator is in yet before one has joined', async () => {
    const created = await api<{ meetingId: string; invitePath: string }>(server.url, '/meetings', {
      body: { templateId: 'roddelmethode', title: 'Dinsdaggroep' },
    })
    const answer = await preview(created.body.meetingId, secretOf(created.body.invitePath))
    expect(answer.body).toMatchObject({ title: 'Dinsdaggroep', facilitator: null, link: 'invite' })
  })

  it('answers a wrong secret the same whether or not the meeting exists', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const wrong = await preview(setup.meetingId, 'x'.repeat(43))
    const missing = await preview('AAAAAAAAAAAAAAAAAAAAAA', setup.inviteSecret)
    expect(wrong.status).toBe(403)
    expect(wrong).toEqual(missing)
    expect(wrong.body.error).toBe('invalid_link')
  })

  it('takes the secret only in the body, never in the address', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const inUrl = await api<Body>(
      server.url,
      `/meetings/${setup.meetingId}/preview?secret=${setup.inviteSecret}`,
      {
        method: 'POST',
      },
    )
    expect(inUrl.status).toBe(400)
    expect(inUrl.body.error).toBe('invalid_json')
    const get = await api<Body>(
      server.url,
      `/meetings/${setup.meetingId}/preview?secret=${setup.inviteSecret}`,
    )
    expect(get.status).toBe(404)
  })
})

describe('renewing the invite link', () => {
  it('gives a new link that works; the old one is refused at once, also after a restart', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const early = await joinMeeting(server.url, setup, 'Eva')
    // The facilitator in another browser: a second session through the facilitator link.
    const elsewhere = await api<{ token: string }>(server.url, `/meetings/${setup.meetingId}/facilitate`, {
      body: { secret: setup.facilitatorSecret, name: 'Bea op de tablet' },
    })
    const renewed = await renew(setup.meetingId, elsewhere.body.token)
    expect(renewed.status).toBe(200)
    expect(renewed.body.invitePath).toMatch(
      new RegExp(`^/m/${setup.meetingId}#uitnodiging=[A-Za-z0-9_-]{43}$`),
    )
    const fresh = secretOf(renewed.body.invitePath)
    expect(fresh).not.toBe(setup.inviteSecret)

    const old = await join(setup.meetingId, setup.inviteSecret, 'Laatkomer')
    expect(old.status).toBe(403)
    expect(old.body.error).toBe('invalid_link')
    expect((await preview(setup.meetingId, setup.inviteSecret)).status).toBe(403)
    expect((await join(setup.meetingId, fresh, 'Fien')).status).toBe(201)
    // Whoever joined before keeps their seat.
    const stays = await api<Body>(server.url, `/meetings/${setup.meetingId}`, { token: early.token })
    expect(stays.status).toBe(200)

    await server.stop()
    server = await startTestServer({ dataDir: temp.dir, log: () => {} })
    expect((await join(setup.meetingId, setup.inviteSecret, 'Na herstart')).status).toBe(403)
    expect((await join(setup.meetingId, fresh, 'Na herstart')).status).toBe(201)
  })

  it('is for the facilitator of this meeting only', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const other = await createMeeting(server.url, 'roddelmethode')
    const eva = await joinMeeting(server.url, setup, 'Eva')
    const asParticipant = await renew(setup.meetingId, eva.token)
    expect(asParticipant).toMatchObject({ status: 403, body: { error: 'not_facilitator' } })
    expect(await renew(setup.meetingId)).toMatchObject({ status: 403, body: { error: 'invalid_session' } })
    const otherFacilitator = await renew(setup.meetingId, other.facilitator.token)
    expect(otherFacilitator).toMatchObject({ status: 403, body: { error: 'invalid_session' } })
    expect((await join(setup.meetingId, setup.inviteSecret, 'Nog steeds')).status).toBe(201)
  })
})

describe('a bare code', () => {
  it('is known as a meeting while the meeting exists', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const exists = (id: string) => api<{ exists: boolean }>(server.url, `/meetings/${id}/exists`)
    expect((await exists(setup.meetingId)).body).toEqual({ exists: true })
    expect((await exists('bX9_-k2LmN0pQrStUvWx1y')).body).toEqual({ exists: false })
    await api(server.url, `/meetings/${setup.meetingId}`, {
      method: 'DELETE',
      token: setup.facilitator.token,
    })
    expect((await exists(setup.meetingId)).body).toEqual({ exists: false })
  })
})

describe('errors as codes with data', () => {
  it('sends a stable code and the numbers and names the client words it with', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const cases: Array<[Promise<{ status: number; body: Body }>, number, Body]> = [
      [join(setup.meetingId, setup.inviteSecret, '   '), 400, { error: 'invalid_name', min: 1, max: 40 }],
      [
        join(setup.meetingId, setup.inviteSecret, 'x'.repeat(41)),
        400,
        { error: 'invalid_name', min: 1, max: 40 },
      ],
      [
        api(server.url, '/meetings', { body: { templateId: 'roddelmethode', title: 't'.repeat(121) } }),
        400,
        { error: 'invalid_body', field: 'title', issue: 'too_big', max: 120 },
      ],
      [
        api(server.url, '/meetings', { body: { templateId: 'bestaat-niet' } }),
        400,
        { error: 'unknown_template', templateId: 'bestaat-niet' },
      ],
      [
        api(server.url, `/meetings/${setup.meetingId}/commands`, {
          body: { type: 'previous' },
          token: setup.facilitator.token,
        }),
        409,
        { error: 'command_refused', command: 'previous' },
      ],
      [
        api(server.url, `/meetings/${setup.meetingId}/roles`, {
          body: { participantId: setup.facilitator.id, role: 'binnengroep' },
          token: setup.facilitator.token,
        }),
        400,
        { error: 'role_not_in_method', role: 'binnengroep' },
      ],
      [api(server.url, '/nergens'), 404, { error: 'not_found' }],
    ]
    for (const [request, status, expected] of cases) {
      const answer = await request
      expect(answer.status, JSON.stringify(expected)).toBe(status)
      expect(answer.body).toMatchObject(expected)
      expect(answer.body.error).toMatch(/^[a-z_]+$/)
    }
  })

  it('checks the session before it reads the body', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const res = await fetch(`${server.url}/api/meetings/${setup.meetingId}/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{niet json',
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as Body).error).toBe('invalid_session')
  })
})
