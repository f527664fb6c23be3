import type { WebsocketProvider } from 'y-websocket'
import { accessFor } from '../../shared/permissions'
import type { Template } from '../../shared/templateSchema'
import { REFUSED_MESSAGE, type Refusal, readRefusal } from '../../shared/wire'
import { api } from '../helpers/meetingClient'
import { inZone, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import type { ServerProcess } from '../helpers/serverProcess'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

/** A phase in which a deelnemer may add notes to a zone, and a later phase in which they may not. */
export interface OpenZone {
  phaseId: string
  zoneId: string
  /** A phase where this zone is closed to a deelnemer (for a phase change that closes it). */
  closedPhaseId: string
}

export function openZone(template: Template): OpenZone {
  for (const phase of template.phases) {
    for (const zone of template.zones) {
      if (!accessFor(template, phase.id, zone.id, 'deelnemer').can.has('add')) continue
      const closed = template.phases.find(
        (p) => !accessFor(template, p.id, zone.id, 'deelnemer').can.has('add'),
      )
      if (closed) return { phaseId: phase.id, zoneId: zone.id, closedPhaseId: closed.id }
    }
  }
  throw new Error(`${template.id} has no zone a deelnemer can add to in one phase and not another`)
}

/** A roddelmethode meeting with Dirk as deelnemer, in a phase where he may add notes. */
export async function meetingWithWriter(base: string): Promise<{ m: MeetingFixture; zone: OpenZone }> {
  const m = await meetingIn(base, 'roddelmethode', 'introductie', { Dirk: 'deelnemer' })
  const zone = openZone(m.template)
  await command(base, m, { type: 'goto', phaseId: zone.phaseId })
  return { m, zone }
}

/** A facilitator's command; resolves with its status and how long it took (ms). */
export async function command(
  base: string,
  m: MeetingFixture,
  body: unknown,
): Promise<{ status: number; body: unknown; ms: number }> {
  const started = Date.now()
  const res = await api<unknown>(base, `/meetings/${m.setup.meetingId}/commands`, {
    body,
    token: m.setup.facilitator.token,
  })
  return { ...res, ms: Date.now() - started }
}

export async function assignRole(base: string, m: MeetingFixture, participantId: string, role: string) {
  const started = Date.now()
  const res = await api<unknown>(base, `/meetings/${m.setup.meetingId}/roles`, {
    body: { participantId, role },
    token: m.setup.facilitator.token,
  })
  return { ...res, ms: Date.now() - started }
}

/** Collects the refusals a client receives (message type 100). */
export function refusalsOf(provider: WebsocketProvider): Refusal[] {
  const refusals: Refusal[] = []
  provider.messageHandlers[REFUSED_MESSAGE] = (_encoder, decoder) => {
    refusals.push(readRefusal(decoder))
  }
  return refusals
}

/** Writes one of Dirk's notes into the open zone through his client; returns its id. */
export function writeNote(client: TestClient, m: MeetingFixture, zone: OpenZone, n: number): string {
  const id = `shape:dirk-${n}-${Math.random().toString(36).slice(2, 8)}`
  client.kv.set(
    id,
    noteRecord({
      id,
      ...inZone(m.template, zone.zoneId, n * 30),
      authorId: m.people.Dirk!.id,
      text: `Dirk ${n}`,
    }),
  )
  return id
}

/**
 * Writes as `token` through a fresh connection to `server` until it judges the write instead of
 * saying it is not current (it is catching up); resolves with the first judged refusal's code.
 */
export async function firstJudgedRefusal(
  server: ServerProcess,
  m: MeetingFixture,
  zone: OpenZone,
  token: string,
  clients: TestClient[],
): Promise<Refusal['code']> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const fresh = connectClient(server.url, m.roomId, { token })
    clients.push(fresh)
    const refusals = refusalsOf(fresh.provider)
    await waitForSync(fresh, 10_000)
    writeNote(fresh, m, zone, 10 + attempt)
    await eventually(() => refusals.length > 0, 10_000, 'an answer to the write')
    fresh.provider.disconnect()
    if (refusals[0]!.code !== 'unavailable') return refusals[0]!.code
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${server.url} never judged a write again`)
}
