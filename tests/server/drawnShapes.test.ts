import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { noteArea, zoneRect } from '../../shared/layout'
import { slotsFor } from '../../shared/slots'
import {
  arrowBinding,
  arrowShape,
  boxShape,
  drawShape,
  frameShape,
  lineShape,
  textShape,
} from '../helpers/drawnShapes'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { command, ResettingClient } from '../helpers/meetingClient'
import { type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Finding 4 of issue 15 through the real server, with stock y-websocket clients: in the
 * Roddelmethode, shapes whose x, y lie in the free area but that draw into a zone (a stroke, a
 * line, a labelled arrow, a 30-line text, a note at scale 6, a solid box and a frame covering two
 * zones, and the inbrenger's arrow into the gossip zone while she only listens) are refused and
 * reach nobody; honest shapes go through. And finding 6: deleting one's own note with someone's
 * arrow bound to it takes the binding along.
 */
let server: TestServer
let m: MeetingFixture
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
  m = await meetingIn(server.url, 'roddelmethode', 'verkenning', {
    Dirk: 'deelnemer',
    Olga: 'deelnemer',
    Inge: 'inbrenger',
  })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const CROSSES = /over de rand van een zone/
const roomRecords = () =>
  new Map(
    server.registry
      .peek(m.roomId)!
      .doc.getArray<{ key: string; val: BoardRecord }>('tl_records')
      .toArray()
      .map((e) => [e.key, e.val]),
  )
const by = (person: string, x: number, y: number, index?: string) => ({
  authorId: m.people[person]!.id,
  x,
  y,
  index,
})

async function connect(person: string) {
  const client = new ResettingClient(server.url, m.roomId, m.people[person]!.token)
  clients.push(client)
  await client.synced()
  return client
}

/** Sends records in one update and waits for the server's answer: refused (with its reason) or stored. */
async function send(client: ResettingClient, records: BoardRecord[]): Promise<string | null> {
  await eventually(() => client.current.provider.synced, 5000, 'synced')
  const refusals = client.refusals.length
  const sender = client.current
  sender.doc.transact(() => {
    for (const r of records) sender.kv.set(r.id, r)
  })
  await eventually(
    () => client.refusals.length > refusals || records.every((r) => roomRecords().has(r.id)),
    5000,
    'an answer',
  )
  if (client.refusals.length === refusals) return null
  // A refused client starts over with a fresh document: wait for it before the next send.
  await eventually(() => client.current !== sender && client.current.provider.synced, 5000, 'started over')
  return client.refusals[refusals]!.nl
}

describe('shapes judged by everything they draw, on the server', () => {
  it('refuses what Dirk draws from the free area into the closed zones during "verkenning"', async () => {
    const dirk = await connect('Dirk')
    const casus = zoneRect(m.template, 'casus')
    const vragen = zoneRect(m.template, 'vragen')
    const roddel = zoneRect(m.template, 'roddelzone')
    const gapX = (casus.x + casus.w + vragen.x) / 2
    const big = noteRecord({
      id: 'shape:big',
      x: gapX - 600,
      y: -305,
      authorId: m.people.Dirk!.id,
      text: 'groot',
    })
    const hostile: BoardRecord[] = [
      drawShape('shape:stroke', by('Dirk', 1300, 300), [
        { x: 0, y: 0 },
        { x: 120, y: 40 },
        { x: 260, y: 10 },
      ]),
      lineShape('shape:line', by('Dirk', 1300, 700), [
        { x: 0, y: 0 },
        { x: 300, y: 50 },
      ]),
      arrowShape(
        'shape:arrow',
        by('Dirk', roddel.x + 150, -40),
        { x: 0, y: 0 },
        { x: 300, y: 0 },
        'LABEL-MARKER',
      ),
      textShape(
        'shape:text',
        by('Dirk', roddel.x + 60, -500),
        Array.from({ length: 30 }, (_, i) => `regel ${i + 1}`),
      ),
      { ...big, props: { ...big.props, scale: 6 } },
      boxShape('shape:box', by('Dirk', gapX - 500, 0, 'a9'), 1000, 590),
      frameShape('shape:frame', by('Dirk', gapX - 500, 0, 'a9'), 1000, 590),
    ]
    for (const shape of hostile) {
      expect(await send(dirk, [shape]), shape.id).toMatch(CROSSES)
    }
    const stored = roomRecords()
    for (const shape of hostile) expect(stored.has(shape.id), shape.id).toBe(false)
  })

  it('refuses the inbrenger’s labelled arrow into the gossip zone while she only listens', async () => {
    await command(server.url, m.setup, { type: 'goto', phaseId: 'roddelen' })
    const inge = await connect('Inge')
    const roddel = zoneRect(m.template, 'roddelzone')
    const arrow = arrowShape(
      'shape:inge',
      by('Inge', roddel.x + roddel.w + 100, 300),
      { x: 0, y: 0 },
      { x: -300, y: 0 },
      'INGE: JULLIE HEBBEN HET MIS',
    )
    expect(await send(inge, [arrow])).toMatch(CROSSES)
    expect(roomRecords().has(arrow.id)).toBe(false)
    // She still writes in her own notes zone, for herself: sealed drafts through the draft API,
    // never a note over the room (issue 17; tests/server/privateWriting.test.ts).
    const own = noteRecord({
      id: 'shape:inge-own',
      ...slotsFor(noteArea(m.template, 'aantekeningen-inbrenger'), 1)[0]!,
      authorId: m.people.Inge!.id,
      text: 'wat ik hoor',
    })
    expect(await send(inge, [own])).toMatch(/Schrijf hier voor jezelf/)
  })

  it('takes honest shapes: a note in its slot, a stroke in an open zone, an arrow between two notes there', async () => {
    await command(server.url, m.setup, { type: 'goto', phaseId: 'verkenning' })
    const dirk = await connect('Dirk')
    const [s0, s1] = slotsFor(noteArea(m.template, 'vragen'), 2)
    const a = noteRecord({ id: 'shape:q1', ...s0!, authorId: m.people.Dirk!.id, text: 'Wat deed je toen?' })
    const b = noteRecord({ id: 'shape:q2', ...s1!, authorId: m.people.Dirk!.id, text: 'Wie was erbij?' })
    expect(await send(dirk, [a, b])).toBe(null)
    const vragen = zoneRect(m.template, 'vragen')
    const stroke = drawShape('shape:honest-stroke', by('Dirk', vragen.x + 100, vragen.y + 200), [
      { x: 0, y: 0 },
      { x: 200, y: 100 },
      { x: 400, y: 20 },
    ])
    expect(await send(dirk, [stroke])).toBe(null)
    const arrow = arrowShape(
      'shape:q-arrow',
      by('Dirk', s0!.x + 100, s0!.y + 100),
      { x: 0, y: 0 },
      { x: s1!.x - s0!.x, y: 0 },
    )
    expect(
      await send(dirk, [
        arrow,
        arrowBinding('binding:q-start', arrow.id, a.id, 'start'),
        arrowBinding('binding:q-end', arrow.id, b.id, 'end'),
      ]),
    ).toBe(null)
  })
})

describe('deleting one’s own note with someone else’s arrow bound to it', () => {
  it('succeeds with the binding in the same step, and leaves no binding pointing at nothing', async () => {
    await command(server.url, m.setup, { type: 'goto', phaseId: 'verkenning' })
    const dirk = await connect('Dirk')
    const olga = await connect('Olga')
    const [, , s2, s3] = slotsFor(noteArea(m.template, 'vragen'), 4)
    const mine = noteRecord({ id: 'shape:dirk-q', ...s2!, authorId: m.people.Dirk!.id, text: 'mijn vraag' })
    expect(await send(dirk, [mine])).toBe(null)
    const hers = noteRecord({ id: 'shape:olga-q', ...s3!, authorId: m.people.Olga!.id, text: 'haar vraag' })
    const arrow = arrowShape(
      'shape:olga-arrow',
      by('Olga', s3!.x + 100, s3!.y + 100),
      { x: 0, y: 0 },
      { x: s2!.x - s3!.x, y: 0 },
    )
    const toMine = arrowBinding('binding:olga-end', arrow.id, mine.id, 'end')
    expect(
      await send(olga, [hers, arrow, arrowBinding('binding:olga-start', arrow.id, hers.id, 'start'), toMine]),
    ).toBe(null)
    await eventually(() => dirk.current.kv.get(toMine.id) !== undefined, 5000, 'binding at Dirk')

    // Removing the note alone would leave Olga's arrow bound to nothing: refused.
    const refusals = dirk.refusals.length
    dirk.current.kv.delete(mine.id)
    const first = dirk.current
    await eventually(() => dirk.refusals.length > refusals, 5000, 'refusal')
    expect(roomRecords().has(mine.id)).toBe(true)

    // As tldraw does it: the arrow's end written where it was drawn, the binding and the note removed.
    await eventually(
      () =>
        dirk.current !== first &&
        dirk.current.provider.synced &&
        dirk.current.kv.get(toMine.id) !== undefined,
      5000,
      'resynced',
    )
    const before = dirk.refusals.length
    dirk.current.doc.transact(() => {
      dirk.current.kv.set(arrow.id, {
        ...arrow,
        props: { ...arrow.props, end: { x: s2!.x - s3!.x + 100, y: 0 } },
      })
      dirk.current.kv.delete(toMine.id)
      dirk.current.kv.delete(mine.id)
    })
    await eventually(() => !roomRecords().has(mine.id) || dirk.refusals.length > before, 5000, 'an answer')
    expect(dirk.refusals.slice(before)).toEqual([])
    const stored = roomRecords()
    expect(stored.has(mine.id)).toBe(false)
    const dangling = [...stored.values()].filter(
      (r) => r.typeName === 'binding' && (!stored.has(String(r.toId)) || !stored.has(String(r.fromId))),
    )
    expect(dangling).toEqual([])
    expect(stored.has('binding:olga-start')).toBe(true)
    await eventually(() => olga.current.kv.get(mine.id) === undefined, 5000, 'gone at Olga')
  })
})
