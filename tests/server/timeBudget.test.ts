import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { MeetingProgress } from '../../shared/phaseMachine'
import type { Template } from '../../shared/templateSchema'
import { meetingEndAt, previewTakeTime } from '../../shared/timeBudget'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting, type MeetingSetup } from '../helpers/meetingClient'

/**
 * Taking minutes from later phases through the real server, on its clock: the server's clock is
 * Date.now, faked here (only Date; sockets and timers run for real) before the server is made, so
 * the test sets the time every command is applied at. The facilitator's preview (pure, computed
 * from the progress the server returned) shows the end the server's command then produces.
 */
const MIN = 60_000
const T = Date.UTC(2026, 11, 2, 14, 0)
let server: TestServer
let setup: MeetingSetup
let template: Template

const send = (body: unknown) =>
  api<{ progress: MeetingProgress; error?: string }>(server.url, `/meetings/${setup.meetingId}/commands`, {
    body,
    token: setup.facilitator.token,
  })

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(T - MIN)
  server = await startTestServer({ log: () => {} })
  setup = await createMeeting(server.url, 'stappenplan-60')
  template = (await api<{ template: Template }>(server.url, '/templates/stappenplan-60')).body.template
})
afterAll(async () => {
  vi.useRealTimers()
  await server.stop()
  server.cleanup()
})

describe('the time budget on the server clock', () => {
  it('plans the end from the start, moves it with an overrun, and takes it back from later phases', async () => {
    vi.setSystemTime(T)
    const started = await send({ type: 'start' })
    expect(started.status).toBe(200)
    expect(started.body.progress.startedAt).toBe(T)
    expect(meetingEndAt(template, started.body.progress, T)?.end).toBe(T + 60 * MIN)

    // "Verhelderen" (15 min) from 10 minutes in; at 28 minutes it is 3 minutes over.
    vi.setSystemTime(T + 10 * MIN)
    const clarifying = (await send({ type: 'goto', phaseId: 'verhelderen' })).body.progress
    const now = T + 28 * MIN
    vi.setSystemTime(now)
    expect(meetingEndAt(template, clarifying, now)).toMatchObject({ shiftMs: 3 * MIN, overrunning: true })

    const preview = previewTakeTime(template, clarifying, 3, 'spread', now)
    if (!preview.ok) throw new Error(preview.error)
    expect(preview.end).toBe(T + 60 * MIN)
    const taken = await send({ type: 'takeTime', minutes: 3, from: 'spread' })
    expect(taken.status).toBe(200)
    expect(taken.body.progress.minutesTaken).toEqual({ analyseren: 1, adviezen: 1, evaluatie: 1 })
    expect(meetingEndAt(template, taken.body.progress, now)?.end).toBe(preview.end)

    // A minute later the phase is still over: the end moves on with the clock, one minute.
    vi.setSystemTime(now + MIN)
    expect(meetingEndAt(template, taken.body.progress, now + MIN)?.end).toBe(T + 61 * MIN)
  })

  it('refuses more than the later phases can give, and a phase that is not later', async () => {
    const tooMany = await send({ type: 'takeTime', minutes: 200, from: 'spread' })
    expect(tooMany.status).toBe(409)
    const earlier = await send({ type: 'takeTime', minutes: 1, from: { phaseId: 'toelichten' } })
    expect(earlier.status).toBe(409)
    const malformed = await send({ type: 'takeTime', minutes: 0, from: 'spread' })
    expect(malformed.status).toBe(400)
  })
})
