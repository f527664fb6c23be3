import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardRecords, writeRecordsWhole } from '../../server/src/board/boardRecords'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import { accessFor } from '../../shared/permissions'
import { FIELDS_MAP, fieldKey } from '../../shared/recordLayout'
import type { Template } from '../../shared/templateSchema'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import {
  api,
  command,
  createMeeting,
  joinMeeting,
  type MeetingSetup,
  ResettingClient,
} from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * The record layout per field (shared/recordLayout.ts) through the guard: a move written
 * as the shape's `@xy` entry alone is judged as the whole record it makes (its zone, like any
 * move), a field entry that belongs to no record or holds the wrong form is refused, and what the
 * server writes whole clears the field entries (a sealed text must not stay open in `@text`).
 */
let server: TestServer
let setup: MeetingSetup
let template: Template
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  setup = await createMeeting(server.url, 'roddelmethode')
  template = (await api<{ template: Template }>(server.url, '/templates/roddelmethode')).body.template
  await command(server.url, setup, { type: 'start' })
  await command(server.url, setup, { type: 'goto', phaseId: 'verkenning' })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

async function participant(name: string) {
  const p = await joinMeeting(server.url, setup, name)
  const client = new ResettingClient(server.url, setup.roomId, p.token)
  clients.push(client)
  await client.synced()
  return Object.assign(client, { id: p.id })
}

const fields = (c: ResettingClient) => c.current.doc.getMap<unknown>(FIELDS_MAP)
const serverRecord = (id: string) => readBoardRecords(server.registry.peek(setup.roomId)!.doc).get(id)

describe('field entries', () => {
  it('moves a note by its place alone, judged as the whole record; refuses entries without a record or form', async () => {
    const closed = template.zones.find(
      (z) => !accessFor(template, 'verkenning', z.id, 'deelnemer').can.has('add'),
    )!
    const dirk = await participant('Dirk')
    const olga = await participant('Olga')
    const note = noteRecord({ id: 'shape:veld', x: -3000, y: -3000, authorId: dirk.id, text: 'vrij' })
    dirk.current.kv.set(note.id, note)
    await eventually(() => olga.current.kv.get(note.id) !== undefined, 3000, 'the note at Olga')

    // A move in the free area: only the place travels, and the server reads the moved record.
    let sent = 0
    const count = (update: Uint8Array, origin: unknown) => {
      if (origin !== dirk.current.provider) sent += update.byteLength
    }
    dirk.current.doc.on('update', count)
    fields(dirk).set(fieldKey(note.id, 'xy'), [-2900.5, -3000])
    dirk.current.doc.off('update', count)
    expect(sent).toBeLessThan(64)
    await eventually(() => serverRecord(note.id)?.x === -2900.5, 3000, 'the move at the server')
    await eventually(
      () => JSON.stringify(fields(olga).get(fieldKey(note.id, 'xy'))) === '[-2900.5,-3000]',
      3000,
      'the move at Olga',
    )
    expect((olga.current.kv.get(note.id) as BoardRecord).meta).toEqual(note.meta)

    // A move into a closed zone by the place alone is refused like a whole-record move.
    const rect = zoneRect(template, closed.id)
    fields(dirk).set(fieldKey(note.id, 'xy'), [rect.x + 50, rect.y + 60])
    await eventually(() => dirk.refusals.length === 1, 3000, 'refusal of the move into a closed zone')
    expect(dirk.refusals[0]!.nl).toContain(closed.title.nl)
    expect(serverRecord(note.id)?.x).toBe(-2900.5)

    // An entry for no record, and one that is not an [x, y] pair.
    await dirk.synced()
    fields(dirk).set(fieldKey('shape:nergens', 'xy'), [1, 2])
    await eventually(() => dirk.refusals.length === 2, 3000, 'refusal of an entry without a record')
    expect(dirk.refusals[1]!.en).toMatch(/does not exist/)
    await dirk.synced()
    fields(dirk).set(fieldKey(note.id, 'xy'), { x: 1 })
    await eventually(() => dirk.refusals.length === 3, 3000, 'refusal of an entry of the wrong form')
    expect(dirk.refusals[2]!.en).toMatch(/\[x, y\] pair/)
    await dirk.synced()
    fields(dirk).set(`${note.id}@kleur`, 'rood')
    await eventually(() => dirk.refusals.length === 4, 3000, 'refusal of an unknown field')
    expect(serverRecord(note.id)?.x).toBe(-2900.5)
  })
})

describe('the one reader and writer', () => {
  it('composes a base with its entries, and a whole write clears them', () => {
    const doc = new Y.Doc()
    const note = noteRecord({ id: 'shape:a', x: 1, y: 2, authorId: 'p', text: 'open' })
    writeRecordsWhole(doc, [note])
    const sealedText = { type: 'doc', content: [{ type: 'paragraph' }] }
    doc.getMap(FIELDS_MAP).set(fieldKey(note.id, 'xy'), [5, 6])
    doc.getMap(FIELDS_MAP).set(fieldKey(note.id, 'text'), { type: 'doc', content: [] })
    const composed = readBoardRecords(doc).get(note.id)!
    expect([composed.x, composed.y]).toEqual([5, 6])
    expect((composed.props as { richText: unknown }).richText).toEqual({ type: 'doc', content: [] })
    writeRecordsWhole(doc, [{ ...composed, props: { ...composed.props, richText: sealedText } }])
    expect(doc.getMap(FIELDS_MAP).size).toBe(0)
    expect(doc.getArray('tl_records').length).toBe(1)
    const after = readBoardRecords(doc).get(note.id)!
    expect((after.props as { richText: unknown }).richText).toEqual(sealedText)
    expect([after.x, after.y]).toEqual([5, 6])
  })
})
