import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { placeFor, zoneIdOf } from '../helpers/boardRules'
import { type BoardServer, childServer, inProcessServer } from '../helpers/boardServer'
import {
  afterRestart,
  converges,
  followUp,
  freeNote,
  HANDLED,
  type Honest,
  honest,
  leaked,
  type Outcome,
  recordsOf,
  refused,
} from '../helpers/hostileChecks'
import { HostileClient, type Verdict } from '../helpers/hostileClient'
import {
  appendRecords,
  awarenessUpdate,
  bigAwarenessState,
  deepAnyUpdate,
  deepAwarenessState,
  deepJsonUpdate,
  deletedRunUpdate,
  deleteRangeUpdate,
  duplicateKeyUpdate,
  gcRangeUpdate,
  itemOnGcUpdate,
  manyAwarenessStates,
  originChainUpdate,
  twoSectionsUpdate,
} from '../helpers/hostileUpdates'
import { command } from '../helpers/meetingClient'
import { inZone, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { encodeUpdateV1, lastRecordsId } from '../helpers/updateEncoder'
import { eventually, type TestClient } from '../helpers/yjsClient'

/**
 * Issue 7: hostile bytes, one describe per class of findings. Every test sends what a patched
 * client can send, then checks from the outside that the server handled it (see HANDLED):
 * alive, the sender refused, honest clients untouched and converged, the room reloads clean.
 */

/** Classes 1 and 2 (crashes, bricked rooms): a crash ends a child process, not the test runner. */
let child: BoardServer
/** Classes 3, 4 and the clock jump: in this process, which restarts in a fraction of the time. */
let local: BoardServer
beforeAll(async () => {
  ;[child, local] = await Promise.all([childServer(), inProcessServer()])
})
afterAll(async () => {
  await Promise.all([child?.stop(), local?.stop()])
})

let roomSeq = 0
const freeRoom = (tag: string) => `hostile-${tag}-${process.pid}-${roomSeq++}`
/** Client ids a hostile sender makes up (Yjs uses random uint32). */
let nextClient = 0x5eed0000
const newClient = () => nextClient++

/** The common tail of every test: follow-up edit, leak search, convergence, restart. */
async function judge(
  server: BoardServer,
  room: string,
  parties: Honest[],
  verdict: Verdict,
  marker: string,
  forbidden?: (fresh: TestClient) => boolean,
  /** Test-specific readings, taken after the follow-up edit (the hostile frame was handled). */
  extra: () => Partial<Outcome> = () => ({}),
): Promise<Outcome> {
  const alive = await server.alive()
  const honestEditsFlow = alive && (await followUp(parties[0]!, parties.slice(1), `after-${roomSeq}`))
  const outcome = {
    alive,
    senderRefused: refused(verdict),
    honestEditsFlow,
    markerLeaked: leaked(parties, marker),
    converged: alive && (await converges(server, room, parties)),
    ...extra(),
  }
  for (const p of parties) destroyQuietly(p)
  return { ...outcome, ...(await afterRestart(server, room, parties[0]!.token, marker, forbidden)) }
}

async function freeBoard(server: BoardServer, tag: string) {
  const room = freeRoom(tag)
  const parties = [await honest(server, room, 'anna'), await honest(server, room, 'bob')]
  const hostile = await HostileClient.connect(server.url, room)
  return { room, parties, hostile }
}

/**
 * A meeting with three honest stock clients: the facilitator first (the free area is always open
 * to them, so their follow-up edits are allowed whatever the phase), then Olga and Piet.
 */
async function meeting(server: BoardServer, templateId: string, phaseId: string, hostileRole = 'deelnemer') {
  const m = await meetingIn(server.url, templateId, phaseId, {
    Olga: 'deelnemer',
    Piet: 'deelnemer',
    Mallory: hostileRole as never,
  })
  const person = (name: string) => m.people[name]!
  const parties = [
    await honest(server, m.roomId, person('begeleider').id, person('begeleider').token),
    await honest(server, m.roomId, person('Olga').id, person('Olga').token),
    await honest(server, m.roomId, person('Piet').id, person('Piet').token),
  ]
  const hostile = await HostileClient.connect(server.url, m.roomId, person('Mallory').token)
  /** A harmless spot for a note of `role` now (the free area when nothing is open without a quota). */
  const harmless = (role = 'deelnemer') =>
    placeFor(m.template, phaseId, role as never) ?? { x: -3000, y: -3000 }
  return { m, parties, hostile, mallory: person('Mallory'), olga: parties[1]!, piet: parties[2]!, harmless }
}

describe('1. the process dies', () => {
  let server: BoardServer
  beforeAll(() => {
    server = child
  })

  it('1a: a presence state nested 10,000 deep on a free board', async () => {
    const { room, parties, hostile } = await freeBoard(server, '1a')
    const marker = 'DEEP-PRESENCE-1A'
    hostile.sendAwareness(
      awarenessUpdate([{ clientId: newClient(), clock: 1, stateJson: deepAwarenessState(10_000, marker) }]),
    )
    const outcome = await judge(server, room, parties, await hostile.verdict(0), marker)
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  it('1b: one meeting update of 30,000 items, each with the next as its left origin', async () => {
    const { m, parties, hostile } = await meeting(server, 'roddelmethode', 'verkenning')
    hostile.sendUpdate(originChainUpdate(newClient(), 30_000, lastRecordsId(hostile.mirror), 'next'))
    const outcome = await judge(server, m.roomId, parties, await hostile.verdict(0), 'NO-CONTENT-1B')
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  it('1c: a GC struct for a new client, then an item whose origin is that GC', async () => {
    const { m, parties, hostile, mallory } = await meeting(server, 'roddelmethode', 'verkenning')
    const marker = 'ITEM-ON-GC-1C'
    hostile.sendUpdate(itemOnGcUpdate(newClient(), freeNote('shape:on-gc', mallory.id, marker)))
    const outcome = await judge(server, m.roomId, parties, await hostile.verdict(0), marker)
    expect(outcome, server.output()).toEqual(HANDLED)
  })
})

describe('2. a room is bricked', () => {
  let server: BoardServer
  beforeAll(() => {
    server = child
  })

  it('2a: two sections for one client (the second left pending), then unload and restart', async () => {
    const { room, parties, hostile } = await freeBoard(server, '2a')
    const marker = 'PENDING-2A'
    const client = newClient()
    hostile.sendUpdate(
      twoSectionsUpdate(
        client,
        [{ kind: 'item', parent: 'tl_records', content: anyNote(freeNote('shape:first-2a', 'x', 'eerste')) }],
        [
          {
            kind: 'item',
            origin: { client, clock: 0 },
            content: anyNote(freeNote('shape:second-2a', 'x', marker)),
          },
        ],
      ),
    )
    const verdict = await hostile.verdict(0)
    await hostile.close()
    const outcome = await judge(server, room, parties, verdict, marker)
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  it('2a: a client the room never saw, continuing at clock 5', async () => {
    const { room, parties, hostile } = await freeBoard(server, '2a-gap')
    const marker = 'GAP-2A'
    hostile.sendUpdate(
      encodeUpdateV1({
        sections: [
          {
            client: newClient(),
            clock: 5,
            structs: [
              { kind: 'item', parent: 'tl_records', content: anyNote(freeNote('shape:gap', 'x', marker)) },
            ],
          },
        ],
      }),
    )
    const outcome = await judge(server, room, parties, await hostile.verdict(0), marker)
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  for (const kind of ['json', 'any'] as const) {
    it(`2b: an item of ${kind === 'json' ? 'JSON (ref 2)' : 'Any (ref 8)'} content nested 10,000 deep on a free board`, async () => {
      const { room, parties, hostile } = await freeBoard(server, `2b-${kind}`)
      const marker = `DEEP-${kind.toUpperCase()}-2B`
      const build = kind === 'json' ? deepJsonUpdate : deepAnyUpdate
      hostile.sendUpdate(build(newClient(), lastRecordsId(hostile.mirror), 10_000, marker))
      const outcome = await judge(server, room, parties, await hostile.verdict(0), marker)
      expect(outcome, server.output()).toEqual(HANDLED)
    })
  }
})

function anyNote(record: ReturnType<typeof freeNote>) {
  return { ref: 'any' as const, values: [{ key: record.id, val: record }] }
}

describe('3. ways past a lock', () => {
  let server: BoardServer
  beforeAll(() => {
    server = local
  })

  /** 3a: the hostile sends `kept` (forbidden) and `shown` (harmless) under one key in one update. */
  async function duplicate(
    m: MeetingFixture,
    hostile: HostileClient,
    parties: Honest[],
    build: (mallory: string) => { kept: ReturnType<typeof noteRecord>; shown: ReturnType<typeof noteRecord> },
    marker: string,
    setup?: (client: number) => Promise<number>,
  ) {
    const client = newClient()
    const clock = setup ? await setup(client) : 0
    const { kept, shown } = build(m.people.Mallory!.id)
    hostile.sendUpdate(duplicateKeyUpdate(client, clock, lastRecordsId(hostile.mirror), kept, shown))
    const verdict = await hostile.verdict(0)
    return judge(server, m.roomId, parties, verdict, marker, (fresh) =>
      JSON.stringify(recordsOf(fresh).get(kept.id) ?? null).includes(marker),
    )
  }

  it('3a: a note in a closed zone hidden behind a harmless entry with the same key', async () => {
    const { m, parties, hostile, harmless } = await meeting(server, 'roddelmethode', 'verkenning')
    const marker = 'DUP-CLOSED-ZONE-3A'
    const outcome = await duplicate(
      m,
      hostile,
      parties,
      (me) => ({
        kept: noteRecord({
          id: 'shape:dup',
          ...inZone(m.template, 'roddelzone'),
          authorId: me,
          text: marker,
        }),
        shown: noteRecord({ id: 'shape:dup', ...harmless(), authorId: me, text: 'onschuldig' }),
      }),
      marker,
    )
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  it("3a: an edit of another's note hidden behind an unchanged copy of it", async () => {
    const { m, parties, hostile, olga, harmless } = await meeting(server, 'roddelmethode', 'verkenning')
    const marker = 'DUP-OTHERS-NOTE-3A'
    const olgas = noteRecord({ id: 'shape:olga', ...harmless(), authorId: olga.id, text: 'van Olga' })
    olga.client.current.kv.set(olgas.id, olgas)
    await eventually(() => hasKey(hostile, olgas.id), 3000, 'olga')
    const outcome = await duplicate(
      m,
      hostile,
      parties,
      () => ({
        kept: { ...olgas, props: { ...olgas.props, richText: richText(marker) } },
        shown: olgas,
      }),
      marker,
    )
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  it('3a: a fourth question over the quota of three hidden behind a harmless twin', async () => {
    const { m, parties, hostile, harmless } = await meeting(server, 'modelling', 'open-vragen')
    const marker = 'DUP-FOURTH-QUESTION-3A'
    const me = m.people.Mallory!.id
    const outcome = await duplicate(
      m,
      hostile,
      parties,
      () => ({
        kept: noteRecord({
          id: 'shape:q4',
          ...inZone(m.template, 'vragen', 120),
          authorId: me,
          text: marker,
        }),
        // Where the free area is closed to a deelnemer in this phase, no harmless twin exists.
        shown: noteRecord({ id: 'shape:q4', ...harmless(), authorId: me, text: 'onschuldig' }),
      }),
      marker,
      async (client) => {
        const three = [0, 1, 2].map((i) =>
          noteRecord({
            id: `shape:q${i + 1}`,
            ...inZone(m.template, 'vragen', i * 30),
            authorId: me,
            text: `vraag ${i}`,
          }),
        )
        hostile.sendUpdate(appendRecords(client, 0, lastRecordsId(hostile.mirror), three))
        await eventually(() => hasKey(hostile, 'shape:q3'), 3000, 'three questions accepted')
        return 3
      },
    )
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  it("3a: a deelnemer's W/N/K mark hidden behind an unchanged copy of their note", async () => {
    const { m, parties, hostile } = await meeting(server, 'warm-neutraal-koud', 'definities-formuleren')
    const marker = 'DUP-MARK-3A'
    const me = m.people.Mallory!.id
    const own = noteRecord({
      id: 'shape:own',
      ...inZone(m.template, 'probleemdefinities'),
      authorId: me,
      text: 'mijn vraag',
    })
    const outcome = await duplicate(
      m,
      hostile,
      parties,
      () => ({
        kept: {
          ...own,
          meta: { ...own.meta, rating: 'W' },
          props: { ...own.props, richText: richText(marker) },
        },
        shown: own,
      }),
      marker,
      async (client) => {
        hostile.sendUpdate(appendRecords(client, 0, lastRecordsId(hostile.mirror), [own]))
        await eventually(() => hasKey(hostile, own.id), 3000, 'own note accepted')
        return 1
      },
    )
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  it('3b: a second section left pending, released by an innocent update after the zone closed', async () => {
    const { m, parties, hostile: first } = await meeting(server, 'roddelmethode', 'verkenning', 'inbrenger')
    const marker = 'RELEASED-LATER-3B'
    const me = m.people.Mallory!.id
    const client = newClient()
    const innocent = freeNote('shape:innocent', me, 'onschuldig')
    const gossip = noteRecord({
      id: 'shape:gossip',
      ...inZone(m.template, 'roddelzone'),
      authorId: me,
      text: marker,
    })
    first.sendUpdate(
      twoSectionsUpdate(
        client,
        [{ kind: 'item', ...appendAfter(first), content: anyNote(innocent) }],
        [{ kind: 'item', origin: { client, clock: 0 }, content: anyNote(gossip) }],
      ),
    )
    const verdict = await first.verdict(0)
    await followUp(parties[0]!, parties.slice(1), 'before-3b')
    const leakedBefore = leaked(parties, marker)

    // The gossip starts: the inbrenger may only watch the gossip zone now.
    await command(server.url, m.setup, { type: 'goto', phaseId: 'roddelen' })
    const hostile = first.isOpen
      ? first
      : await HostileClient.connect(server.url, m.roomId, m.people.Mallory!.token)
    hostile.sendUpdate(appendRecords(client, 0, lastRecordsId(hostile.mirror), [innocent]))
    await hostile.verdict(hostile.refusals.length, 1000)
    const outcome = await judge(server, m.roomId, parties, verdict, marker)
    // Content the room held before the phase changed was allowed then; only a later arrival counts.
    if (leakedBefore) Object.assign(outcome, { markerLeaked: false, forbiddenAfterReload: false })
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  for (const via of ['gc', 'deleteSet'] as const) {
    it(`3c: an observer's ${via === 'gc' ? 'GC structs' : 'delete set'} over clocks of a participant the room has not seen yet`, async () => {
      const { m, parties, hostile, olga, piet, harmless } = await meeting(
        server,
        'roddelmethode',
        'verkenning',
        'observer',
      )
      const target = olga.client.current.doc.clientID // every presence update names it
      olga.client.current.provider.disconnect()
      const offline = noteRecord({ id: 'shape:offline', ...harmless(), authorId: olga.id, text: 'offline' })
      olga.client.current.kv.set(offline.id, offline)
      hostile.sendUpdate(via === 'gc' ? gcRangeUpdate(target, 0, 1000) : deleteRangeUpdate(target, 0, 1000))
      const verdict = await hostile.verdict(0)
      olga.client.current.provider.connect()
      await olga.client.synced()
      const arrived = await eventually(
        () => piet.client.current.kv.get(offline.id) !== undefined,
        3000,
        'offline note',
      )
        .then(() => true)
        .catch(() => false)
      const outcome = await judge(
        server,
        m.roomId,
        parties,
        verdict,
        'NO-CONTENT-3C',
        (fresh) => !recordsOf(fresh).has(offline.id),
      )
      expect({ ...outcome, offlineNoteArrived: arrived }, server.output()).toEqual({
        ...HANDLED,
        offlineNoteArrived: true,
      })
    })
  }

  for (const how of ['created', 'moved'] as const) {
    it(`3d: a note ${how} into a rating zone carrying a mark, by a deelnemer`, async () => {
      const { m, parties } = await meeting(server, 'warm-neutraal-koud', 'definities-formuleren')
      const dirk = await honest(server, m.roomId, m.people.Mallory!.id, m.people.Mallory!.token)
      const rating = how === 'created' ? 'X' : 'W'
      const note = noteRecord({
        id: 'shape:marked',
        ...inZone(m.template, 'probleemdefinities'),
        authorId: dirk.id,
        text: 'vraag',
        rating,
      })
      if (how === 'moved') {
        // First in the free area (whether that is allowed does not matter here), then into the zone.
        const first = dirk.client.current
        first.kv.set(note.id, { ...note, x: -3000, y: -3000 })
        await eventually(
          () => dirk.client.refusals.length > 0 || parties[0]!.client.current.kv.get(note.id) !== undefined,
          3000,
          'first step',
        )
        await eventually(
          () =>
            dirk.client.current.provider.synced &&
            (dirk.client.refusals.length === 0 || dirk.client.current !== first),
          3000,
          'resynced',
        )
      }
      const before = dirk.client.refusals.length
      dirk.client.current.kv.set(note.id, note)
      const verdict: Verdict = await eventually(() => dirk.client.refusals.length > before, 3000, 'refusal')
        .then(() => 'refused' as const)
        .catch(() => 'none' as const)
      dirk.client.destroy()
      const markedInZone = (client: TestClient) => {
        const records = recordsOf(client)
        const r = records.get(note.id)
        return (
          !!r && r.meta?.rating !== undefined && zoneIdOf(r, records, m.template) === 'probleemdefinities'
        )
      }
      const outcome = await judge(server, m.roomId, parties, verdict, 'NO-CONTENT-3D', markedInZone, () => ({
        markerLeaked: parties.some((p) => markedInZone(p.client.current)),
      }))
      expect(outcome, server.output()).toEqual(HANDLED)
    })
  }
})

describe('4. awareness without limits', () => {
  let server: BoardServer
  beforeAll(() => {
    server = local
  })

  /**
   * The most presence states an honest client held at once that belong to no honest client,
   * from now on (read it later: a flood may be dropped again when the connection drops).
   */
  const watchForeignStates = (parties: Honest[]) => {
    const awareness = parties[0]!.client.current.provider.awareness
    let most = 0
    awareness.on('change', () => {
      const own = new Set(parties.map((p) => p.client.current.doc.clientID))
      most = Math.max(most, [...awareness.getStates().keys()].filter((id) => !own.has(id)).length)
    })
    return () => most
  }

  /** An honest presence change that the other honest client sees: awareness has flushed. */
  async function presenceFlows(parties: Honest[], tag: string): Promise<boolean> {
    // A field of its own: in meetings the server rewrites names in `presence`.
    parties[1]!.client.current.provider.awareness.setLocalStateField('probe', tag)
    const id = parties[1]!.client.current.doc.clientID
    return eventually(
      () => {
        const state = parties[0]!.client.current.provider.awareness.getStates().get(id) as
          | { probe?: string }
          | undefined
        return state?.probe === tag
      },
      3000,
      'presence',
    ).then(
      () => true,
      () => false,
    )
  }

  for (const where of ['free', 'meeting'] as const) {
    it(`4: 50,000 presence states in one frame from one connection (${where})`, async () => {
      const { room, parties, hostile } =
        where === 'free'
          ? await freeBoard(server, '4-many')
          : await meeting(server, 'roddelmethode', 'verkenning').then((r) => ({ room: r.m.roomId, ...r }))
      const foreign = watchForeignStates(parties)
      hostile.sendAwareness(manyAwarenessStates(50_000, 1_000))
      const verdict = await hostile.verdict(0)
      await presenceFlows(parties, 'after-many')
      // No content marker here: the leak is the flood itself, more than one state for one connection.
      const outcome = await judge(server, room, parties, verdict, 'MANY-4-never', undefined, () => ({
        markerLeaked: foreign() > 1,
      }))
      expect(outcome, server.output()).toEqual(HANDLED)
    })
  }

  it("4: a connection writing another connection's presence client id on a free board", async () => {
    const { room, parties, hostile } = await freeBoard(server, '4-foreign')
    const marker = 'FOREIGN-PRESENCE-4'
    const victim = parties[1]!.client.current.provider.awareness
    victim.setLocalStateField('presence', { userName: 'Bob' })
    await eventually(() => hostile.awareness.has(victim.clientID), 3000, 'victim presence')
    const clock = (victim.meta.get(victim.clientID)?.clock ?? 0) + 1000
    hostile.sendAwareness(
      awarenessUpdate([
        { clientId: victim.clientID, clock, stateJson: JSON.stringify({ presence: { userName: marker } }) },
      ]),
    )
    const verdict = await hostile.verdict(0)
    const outcome = await judge(server, room, parties, verdict, marker)
    // Dropped without closing the sender: an honest tab that reconnects may briefly reuse its old
    // presence id, and must not be thrown out for it. What matters is that nobody sees the forgery.
    expect(outcome, server.output()).toEqual({ ...HANDLED, senderRefused: false })
  })

  it('4: a presence state over 16 KB', async () => {
    const { room, parties, hostile } = await freeBoard(server, '4-big')
    const marker = 'BIG-PRESENCE-4'
    hostile.sendAwareness(
      awarenessUpdate([{ clientId: newClient(), clock: 1, stateJson: bigAwarenessState(20_000, marker) }]),
    )
    const verdict = await hostile.verdict(0)
    await presenceFlows(parties, 'after-big')
    const outcome = await judge(server, room, parties, verdict, marker)
    expect(outcome, server.output()).toEqual(HANDLED)
  })
})

describe('a client clock jump to 2^50 is not stored', () => {
  let server: BoardServer
  beforeAll(() => {
    server = local
  })

  const JUMP = 2 ** 50
  const jumped = (doc: Y.Doc) =>
    [...Y.decodeStateVector(Y.encodeStateVector(doc)).values()].some((c) => c >= 2 ** 40)

  it('a GC struct of 2^50 clocks in a meeting', async () => {
    const { m, parties, hostile } = await meeting(server, 'roddelmethode', 'verkenning')
    hostile.sendUpdate(gcRangeUpdate(newClient(), 0, JUMP))
    const verdict = await hostile.verdict(0)
    const outcome = await judge(
      server,
      m.roomId,
      parties,
      verdict,
      'NO-CONTENT-JUMP',
      (f) => jumped(f.doc),
      () => ({
        markerLeaked: parties.some((p) => jumped(p.client.current.doc)),
      }),
    )
    expect(outcome, server.output()).toEqual(HANDLED)
  })

  it('a Deleted item of 2^50 clocks on a free board', async () => {
    const { room, parties, hostile } = await freeBoard(server, 'jump')
    hostile.sendUpdate(deletedRunUpdate(newClient(), lastRecordsId(hostile.mirror), JUMP))
    const verdict = await hostile.verdict(0)
    const outcome = await judge(
      server,
      room,
      parties,
      verdict,
      'NO-CONTENT-JUMP',
      (f) => jumped(f.doc),
      () => ({
        markerLeaked: parties.some((p) => jumped(p.client.current.doc)),
      }),
    )
    expect(outcome, server.output()).toEqual(HANDLED)
  })
})

/** A stock client an attack has confused (Yjs gave its document a new client id) throws on destroy. */
function destroyQuietly(party: Honest): void {
  try {
    party.client.destroy()
  } catch {
    party.client.current.doc.destroy()
  }
}

function hasKey(hostile: HostileClient, key: string): boolean {
  return hostile.mirror
    .getArray<{ key: string }>('tl_records')
    .toArray()
    .some((e) => e.key === key)
}

function appendAfter(hostile: HostileClient) {
  const last = lastRecordsId(hostile.mirror)
  return last ? { origin: last } : { parent: 'tl_records' }
}

function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}
