import { existsSync, readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { MEETING_MAP, MEETING_VIEW_KEY, type MeetingView } from '../../shared/wire'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting, joinMeeting, upgradeStatus } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { decryptedRoomBytes } from '../helpers/throughKeys'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

describe('meeting API', () => {
  it('creates a meeting with two links whose secrets carry at least 128 bits', async () => {
    const res = await api<{ meetingId: string; facilitatorPath: string; invitePath: string }>(
      server.url,
      '/meetings',
      {
        body: { templateId: 'warm-neutraal-koud' },
      },
    )
    expect(res.status).toBe(201)
    const fac = res.body.facilitatorPath.split('#begeleider=')[1]!
    const inv = res.body.invitePath.split('#uitnodiging=')[1]!
    // base64url: 6 bits a character.
    expect(fac.length * 6).toBeGreaterThanOrEqual(128)
    expect(inv.length * 6).toBeGreaterThanOrEqual(128)
    expect(fac).not.toBe(inv)
    expect(res.body.facilitatorPath).toMatch(new RegExp(`^/m/${res.body.meetingId}#`))
  })

  it('refuses an unknown template and a malformed body, saying what was wrong', async () => {
    const unknown = await api<{ error: string; message: string }>(server.url, '/meetings', {
      body: { templateId: 'bestaat-niet' },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toContain('bestaat-niet')
    const bad = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      body: '{niet json',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_json')
  })

  it('answers a wrong invite the same whether or not the meeting exists', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const wrong = await api(server.url, `/meetings/${setup.meetingId}/join`, {
      body: { secret: 'x'.repeat(43), name: 'Eva' },
    })
    const missing = await api(server.url, '/meetings/AAAAAAAAAAAAAAAAAAAAAA/join', {
      body: { secret: setup.inviteSecret, name: 'Eva' },
    })
    expect(wrong.status).toBe(403)
    expect(missing).toEqual(wrong)
    // The facilitator secret does not work as an invite, nor the other way round.
    const swapped = await api(server.url, `/meetings/${setup.meetingId}/facilitate`, {
      body: { secret: setup.inviteSecret, name: 'Eva' },
    })
    expect(swapped.status).toBe(403)
  })

  it('publishes participants and roles into the room for everyone to see', async () => {
    const setup = await createMeeting(server.url, 'vissenkom')
    const jan = await joinMeeting(server.url, setup, 'Jan')
    const watcher = connectClient(server.url, setup.roomId, { token: jan.token })
    await waitForSync(watcher)
    const view = () => watcher.doc.getMap(MEETING_MAP).get(MEETING_VIEW_KEY) as MeetingView | undefined
    expect(view()?.participants.map((p) => [p.name, p.role])).toEqual([
      ['Bea Begeleider', 'begeleider'],
      ['Jan', 'deelnemer'],
    ])
    const assigned = await api(server.url, `/meetings/${setup.meetingId}/roles`, {
      body: { participantId: jan.id, role: 'binnengroep' },
      token: setup.facilitator.token,
    })
    expect(assigned.status).toBe(200)
    await eventually(
      () => view()?.participants.find((p) => p.id === jan.id)?.role === 'binnengroep',
      2000,
      'role in view',
    )
    // A role the method does not have is refused.
    const wrongRole = await api<{ error: string }>(server.url, `/meetings/${setup.meetingId}/roles`, {
      body: { participantId: jan.id, role: 'verslaglegger' },
      token: setup.facilitator.token,
    })
    expect(wrongRole.status).toBe(400)
    // The last begeleider cannot be demoted.
    const demote = await api<{ error: string }>(server.url, `/meetings/${setup.meetingId}/roles`, {
      body: { participantId: setup.facilitator.id, role: 'deelnemer' },
      token: setup.facilitator.token,
    })
    expect(demote.body.error).toBe('last_facilitator')
    watcher.destroy()
  })

  it('sends the meeting with its method, so the board needs one round trip', async () => {
    const setup = await createMeeting(server.url, 'warm-neutraal-koud')
    const jan = await joinMeeting(server.url, setup, 'Jan')
    const res = await api<{ view: MeetingView; template: { id: string; phases: unknown[] } }>(
      server.url,
      `/meetings/${setup.meetingId}`,
      { token: jan.token },
    )
    expect(res.status).toBe(200)
    expect(res.body.view.templateId).toBe('warm-neutraal-koud')
    expect(res.body.template.id).toBe('warm-neutraal-koud')
    const library = await api<{ template: unknown }>(server.url, '/templates/warm-neutraal-koud')
    expect(res.body.template).toEqual(library.body.template)
  })

  it('lays out the board of the chosen method: one locked frame per zone', async () => {
    const setup = await createMeeting(server.url, 'modelling')
    const t = (await api<{ template: { zones: Array<{ id: string }> } }>(server.url, '/templates/modelling'))
      .body.template
    const c = connectClient(server.url, setup.roomId, { token: setup.facilitator.token })
    await waitForSync(c)
    for (const zone of t.zones) {
      const frame = c.kv.get(`shape:zone-${zone.id}`) as { type: string; isLocked: boolean } | undefined
      expect(frame, zone.id).toMatchObject({ type: 'frame', isLocked: true })
    }
    c.destroy()
  })

  it('erases a meeting for good: connections closed, nothing left on disk, every token refused', async () => {
    const setup = await createMeeting(server.url, 'roddelmethode')
    const jan = await joinMeeting(server.url, setup, 'Jan')
    const client = connectClient(server.url, setup.roomId, { token: jan.token })
    await waitForSync(client)
    client.kv.set(
      'shape:geheim',
      noteRecord({ id: 'shape:geheim', x: -3000, y: -3000, authorId: jan.id, text: 'ZEER-GEHEIM-9' }),
    )
    await eventually(() => storedBytes().includes('ZEER-GEHEIM-9'), 3000, 'note stored')
    const closed = new Promise<number>((resolve) =>
      client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    )

    const refused = await api(server.url, `/meetings/${setup.meetingId}`, {
      method: 'DELETE',
      token: jan.token,
    })
    expect(refused.status).toBe(403)
    const erased = await api(server.url, `/meetings/${setup.meetingId}`, {
      method: 'DELETE',
      token: setup.facilitator.token,
    })
    expect(erased.status).toBe(200)

    expect(await closed).toBe(CloseCode.meetingErased)
    client.destroy()
    expect(storedBytes().includes('ZEER-GEHEIM-9')).toBe(false)
    // Not in the database files either (free pages, write-ahead log).
    for (const suffix of ['', '-wal']) {
      const file = DB_FILE(server.dataDir) + suffix
      if (existsSync(file)) expect(readFileSync(file).includes('ZEER-GEHEIM-9'), file).toBe(false)
    }
    const db = new Database(DB_FILE(server.dataDir), { readonly: true })
    const rows = [
      db.prepare('SELECT count(*) AS n FROM meeting WHERE id = ?').get(setup.meetingId),
      db.prepare('SELECT count(*) AS n FROM participant WHERE meeting_id = ?').get(setup.meetingId),
      db.prepare('SELECT count(*) AS n FROM room_update WHERE room_id = ?').get(setup.roomId),
      db.prepare('SELECT count(*) AS n FROM room_snapshot WHERE room_id = ?').get(setup.roomId),
    ] as Array<{ n: number }>
    db.close()
    expect(rows.map((r) => r.n)).toEqual([0, 0, 0, 0])
    expect(server.registry.peek(setup.roomId)).toBeUndefined()
    const ws = server.url.replace('http', 'ws')
    expect((await upgradeStatus(`${ws}/yjs/${setup.roomId}`, { token: jan.token })).status).toBe(401)
    expect(
      (await api(server.url, `/meetings/${setup.meetingId}`, { token: setup.facilitator.token })).status,
    ).toBe(403)
  })
})

/** Every stored byte of every room, to search for content that must be gone. */
/** Every room's stored updates and snapshots, decrypted with their keys (what the server loads). */
function storedBytes(): Buffer {
  return decryptedRoomBytes(server.dataDir)
}
