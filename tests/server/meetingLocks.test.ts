import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { zoneFrameId } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import { accessFor } from '../../shared/permissions'
import type { Template } from '../../shared/templateSchema'
import { MEETING_MAP, MEETING_VIEW_KEY, type MeetingView } from '../../shared/wire'
import { honestFollowUp } from '../helpers/followUp'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import {
  api,
  command,
  createMeeting,
  joinMeeting,
  type MeetingSetup,
  ResettingClient,
  sameState,
  upgradeStatus,
} from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { decryptedRoomBytes } from '../helpers/throughKeys'
import { eventually } from '../helpers/yjsClient'

let server: TestServer
let setup: MeetingSetup
let template: Template
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  setup = await createMeeting(server.url, 'roddelmethode')
  template = (await api<{ template: Template }>(server.url, '/templates/roddelmethode')).body.template
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

async function participant(name: string, role?: string) {
  const p = await joinMeeting(server.url, setup, name)
  if (role) {
    const res = await api(server.url, `/meetings/${setup.meetingId}/roles`, {
      body: { participantId: p.id, role },
      token: setup.facilitator.token,
    })
    expect(res.status).toBe(200)
  }
  const client = new ResettingClient(server.url, setup.roomId, p.token)
  clients.push(client)
  await client.synced()
  return Object.assign(client, { id: p.id })
}

/** A point inside a zone, away from its edges. */
function inZone(zoneId: string, offset = 0) {
  const rect = zoneRect(template, zoneId)
  return { x: rect.x + 40 + offset, y: rect.y + 60 }
}

/** Every room's stored updates and snapshots, decrypted with their keys (what the server loads). */
function storedBytes(): Buffer {
  return decryptedRoomBytes(server.dataDir)
}

function roomDoc(): Y.Doc {
  return server.registry.peek(setup.roomId)!.doc
}

function serverProgress() {
  return (roomDoc().getMap(MEETING_MAP).get(MEETING_VIEW_KEY) as MeetingView).progress
}

describe('tokens', () => {
  it('refuses a missing, wrong or foreign token before the upgrade, the same whether the meeting exists or not', async () => {
    const other = await createMeeting(server.url, 'roddelmethode')
    const ws = server.url.replace('http', 'ws')
    const answers = await Promise.all([
      upgradeStatus(`${ws}/yjs/${setup.roomId}`),
      upgradeStatus(`${ws}/yjs/${setup.roomId}`, { token: 'wrong' }),
      upgradeStatus(`${ws}/yjs/${setup.roomId}`, { token: other.facilitator.token }),
      upgradeStatus(`${ws}/yjs/m-doesnotexist0000000000`, { token: setup.facilitator.token }),
      upgradeStatus(`${ws}/yjs/m-doesnotexist0000000000`),
    ])
    for (const answer of answers) expect(answer).toEqual(answers[0])
    expect(answers[0]!.status).toBe(401)
    const accepted = await upgradeStatus(`${ws}/yjs/${setup.roomId}`, { token: setup.facilitator.token })
    expect(accepted.status).toBe(101)
  })
})

describe('locks on the server (method 6, Roddelmethode)', () => {
  it('refuses a note in a closed zone, a move into it, deleting a zone frame and changing the phase', async () => {
    await command(server.url, setup, { type: 'start' })
    await command(server.url, setup, { type: 'goto', phaseId: 'verkenning' })
    const closed = template.zones.find(
      (z) => !accessFor(template, 'verkenning', z.id, 'deelnemer').can.has('add'),
    )!
    expect(closed).toBeDefined()
    const dirk = await participant('Dirk')
    const olga = await participant('Olga')

    // 1. A note created straight into the closed zone.
    const marker = 'GEHEIM-MARKER-1'
    dirk.current.kv.set(
      'shape:sneaky',
      noteRecord({ id: 'shape:sneaky', ...inZone(closed.id), authorId: dirk.id, text: marker }),
    )
    await eventually(() => dirk.refusals.length === 1, 3000, 'refusal')
    expect(dirk.refusals[0]!.code).toBe('forbidden')
    expect(dirk.refusals[0]!.nl).toContain(closed.title.nl)

    // 2. A note made in the free area (allowed), then moved into the closed zone.
    await eventually(() => dirk.current.provider.synced, 3000, 'dirk resynced')
    const free = noteRecord({ id: 'shape:free', x: -3000, y: -3000, authorId: dirk.id, text: 'vrij' })
    dirk.current.kv.set('shape:free', free)
    await eventually(() => olga.current.kv.get('shape:free') !== undefined, 3000, 'free note at olga')
    dirk.current.kv.set('shape:free', { ...free, ...inZone(closed.id, 10) })
    await eventually(() => dirk.refusals.length === 2, 3000, 'second refusal')

    // 3. Deleting the facilitator's zone frame.
    await eventually(() => dirk.current.provider.synced, 3000, 'dirk resynced')
    const frameId = zoneFrameId(template.zones[0]!.id)
    expect(dirk.current.kv.get(frameId)).toBeDefined()
    dirk.current.kv.delete(frameId)
    await eventually(() => dirk.refusals.length === 3, 3000, 'third refusal')

    // 4. Changing the phase through the shared document.
    await eventually(() => dirk.current.provider.synced, 3000, 'dirk resynced')
    const view = dirk.current.doc.getMap(MEETING_MAP).get(MEETING_VIEW_KEY) as MeetingView
    dirk.current.doc
      .getMap(MEETING_MAP)
      .set(MEETING_VIEW_KEY, { ...view, progress: { ...view.progress, phaseIndex: 4 } })
    await eventually(() => dirk.refusals.length === 4, 3000, 'fourth refusal')

    // Nobody else received the content; nothing was stored; the server's state is as before.
    // Checked once an honest edit sent after the last refusal reached Olga: whatever the refused
    // updates could have caused was stored and sent to her before it.
    await honestFollowUp(dirk, olga, 'shape:after-refusals')
    expect(olga.received().includes(marker)).toBe(false)
    expect(storedBytes().includes(marker)).toBe(false)
    const doc = roomDoc()
    const records = doc.getArray<{ key: string; val: { x: number } }>('tl_records').toArray()
    expect(records.some((e) => e.key === 'shape:sneaky')).toBe(false)
    expect(records.find((e) => e.key === 'shape:free')?.val.x).toBe(-3000)
    expect(records.some((e) => e.key === frameId)).toBe(true)
    expect(serverProgress().phaseIndex).toBe(template.phases.findIndex((p) => p.id === 'verkenning'))
    expect((olga.current.kv.get('shape:free') as { x: number }).x).toBe(-3000)
    expect(olga.current.kv.get(frameId)).toBeDefined()

    // The sender ends in sync with the server, without a reconnect loop.
    await eventually(
      () => dirk.current.provider.synced && sameState(dirk.current.doc, doc),
      3000,
      'dirk in sync',
    )
    const refusalsNow = dirk.refusals.length
    await new Promise((r) => setTimeout(r, 300))
    expect(dirk.refusals.length).toBe(refusalsNow)
  })

  it('judges an edit sent just after the phase changed by the new phase (the inbrenger during gossip)', async () => {
    await command(server.url, setup, { type: 'goto', phaseId: 'verkenning' })
    const ina = await participant('Ina', 'inbrenger')
    const olga = await participant('Olga 2')
    expect(accessFor(template, 'verkenning', 'roddelzone', 'inbrenger').can.has('add')).toBe(true)

    ina.current.kv.set(
      'shape:before',
      noteRecord({ id: 'shape:before', ...inZone('roddelzone'), authorId: ina.id, text: 'mag' }),
    )
    await eventually(() => olga.current.kv.get('shape:before') !== undefined, 3000, 'allowed note arrives')

    await command(server.url, setup, { type: 'goto', phaseId: 'roddelen' })
    const marker = 'STALE-MARKER-2'
    ina.current.kv.set(
      'shape:stale',
      noteRecord({ id: 'shape:stale', ...inZone('roddelzone', 30), authorId: ina.id, text: marker }),
    )
    await eventually(() => ina.refusals.length === 1, 3000, 'refusal of the stale edit')
    expect(ina.refusals[0]!.nl).toMatch(/alleen om te kijken/)
    await honestFollowUp(ina, olga, 'shape:ina-after')
    expect(olga.received().includes(marker)).toBe(false)
    expect(storedBytes().includes(marker)).toBe(false)
    await eventually(
      () => ina.current.provider.synced && sameState(ina.current.doc, roomDoc()),
      3000,
      'ina in sync',
    )
  })

  it('applies a role change to an open connection within a second', async () => {
    await command(server.url, setup, { type: 'goto', phaseId: 'roddelen' })
    const rob = await participant('Rob')
    rob.current.kv.set(
      'shape:rob1',
      noteRecord({ id: 'shape:rob1', ...inZone('roddelzone', 60), authorId: rob.id, text: 'roddel' }),
    )
    await eventually(
      () =>
        roomDoc()
          .getArray<{ key: string }>('tl_records')
          .toArray()
          .some((e) => e.key === 'shape:rob1'),
      3000,
      'allowed',
    )

    const res = await api(server.url, `/meetings/${setup.meetingId}/roles`, {
      body: { participantId: rob.id, role: 'inbrenger' },
      token: setup.facilitator.token,
    })
    expect(res.status).toBe(200)
    const changedAt = Date.now()
    rob.current.kv.set(
      'shape:rob2',
      noteRecord({ id: 'shape:rob2', ...inZone('roddelzone', 90), authorId: rob.id, text: 'nu niet' }),
    )
    await eventually(() => rob.refusals.length === 1, 1000, 'refused under the new role')
    expect(Date.now() - changedAt).toBeLessThan(1000)
  })

  it('ties presence to the connection: nobody can show up under another name', async () => {
    const mallory = await participant('Mallory')
    const olga = await participant('Olga 3')
    mallory.current.provider.awareness.setLocalStateField('presence', {
      userName: 'Bea Begeleider',
      userId: setup.facilitator.id,
    })
    const clientId = mallory.current.provider.awareness.clientID
    await eventually(
      () => olga.current.provider.awareness.getStates().has(clientId),
      3000,
      'presence arrives',
    )
    const state = olga.current.provider.awareness.getStates().get(clientId) as {
      presence: { userName: string; userId: string }
      identity: { name: string; role: string }
    }
    expect(state.presence.userName).toBe('Mallory')
    expect(state.presence.userId).toBe(`user:${mallory.id}`)
    expect(state.identity).toEqual({ participantId: mallory.id, name: 'Mallory', role: 'deelnemer' })
  })
})

describe('meeting state', () => {
  it('changes only on the facilitator’s commands', async () => {
    const p = await joinMeeting(server.url, setup, 'Piet')
    const res = await api<{ error: string }>(server.url, `/meetings/${setup.meetingId}/commands`, {
      body: { type: 'next' },
      token: p.token,
    })
    expect(res.status).toBe(403)
    expect(res.body.error).toBe('not_facilitator')
    const bad = await api<{ error: string; message: string }>(
      server.url,
      `/meetings/${setup.meetingId}/commands`,
      {
        body: { type: 'goto', phaseId: 'bestaat-niet' },
        token: setup.facilitator.token,
      },
    )
    expect(bad.status).toBe(409)
    expect(bad.body.message).toContain('bestaat-niet')
  })
})

describe('the records list only takes { key, val } entries', () => {
  it('refuses a keyed entry hidden on the records list', async () => {
    await command(server.url, setup, { type: 'goto', phaseId: 'verkenning' })
    const sneaky = await participant('Sneaky')
    // A map-style entry under the records' name: on the room's list it would be invisible yet stored.
    const other = new Y.Doc()
    const hidden = noteRecord({
      id: 'shape:hidden',
      x: -3000,
      y: -3000,
      authorId: sneaky.id,
      text: 'HIDDEN-MARKER-3',
    })
    other.getMap('tl_records').set('slot', { key: hidden.id, val: hidden })
    Y.applyUpdate(sneaky.current.doc, Y.encodeStateAsUpdate(other))
    await eventually(() => sneaky.refusals.length === 1, 3000, 'refusal')
    expect(storedBytes().includes('HIDDEN-MARKER-3')).toBe(false)
  })
})
