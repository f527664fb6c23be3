import { createTLSchema } from '@tldraw/tlschema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { honestFollowUp } from '../helpers/followUp'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { createMeeting, joinMeeting, type MeetingSetup, ResettingClient } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { decryptedRoomBytes } from '../helpers/throughKeys'
import { eventually } from '../helpers/yjsClient'

/**
 * Promises of the meeting guard, each through real sockets (a stock y-websocket client that
 * starts over when refused): what is refused reaches neither another client nor storage.
 */

const schema = createTLSchema()
let server: TestServer
let setup: MeetingSetup
/** Watches everything the room broadcasts; also the author of records others must not touch. */
let olga: ResettingClient & { id: string }
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  setup = await createMeeting(server.url, 'roddelmethode')
  olga = await participant('Olga')
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

/** Every room's stored updates and snapshots, decrypted with their keys (what the server loads). */
function storedBytes(): Buffer {
  return decryptedRoomBytes(server.dataDir)
}

/** Waits for the sender's next refusal, then for an honest edit of theirs to reach Olga. */
async function refusedAndContained(
  sender: ResettingClient & { id: string },
  refusalsBefore: number,
  marker: string,
  followUpId: string,
): Promise<void> {
  await eventually(() => sender.refusals.length === refusalsBefore + 1, 3000, 'refusal')
  expect(sender.refusals.at(-1)!.code).toBe('forbidden')
  await honestFollowUp(sender, olga, followUpId)
  expect(olga.received().includes(marker)).toBe(false)
  expect(storedBytes().includes(marker)).toBe(false)
}

/** A straight tldraw v5 arrow in the free area, validated with tldraw's own schema. */
function arrowRecord(id: string, authorId: string): BoardRecord {
  const record = {
    id,
    typeName: 'shape',
    type: 'arrow',
    x: -2800,
    y: -2800,
    rotation: 0,
    index: 'a6',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: { authorId },
    props: {
      kind: 'arc',
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      font: 'draw',
      start: { x: 0, y: 0 },
      end: { x: 120, y: 0 },
      bend: 0,
      richText: { type: 'doc', content: [{ type: 'paragraph' }] },
      labelPosition: 0.5,
      scale: 1,
      elbowMidPoint: 0.5,
    },
  }
  schema.types.shape.validate(record as never)
  return record
}

/** The binding that ties an arrow's end to a shape, as tldraw makes it. */
function bindingRecord(id: string, arrowId: string, toId: string, meta: Record<string, string> = {}) {
  const record = {
    id,
    typeName: 'binding',
    type: 'arrow',
    fromId: arrowId,
    toId,
    meta,
    props: {
      terminal: 'end',
      normalizedAnchor: { x: 0.5, y: 0.5 },
      isExact: false,
      isPrecise: false,
      snap: 'none',
    },
  }
  schema.types.binding.validate(record as never)
  return record
}

describe('the guard', () => {
  it("refuses a note that tldraw's schema refuses (a colour that does not exist)", async () => {
    const sam = await participant('Sam')
    const marker = 'SCHEMA-MARKER-A1'
    const note = noteRecord({ id: 'shape:ultra', x: -3000, y: -3000, authorId: sam.id, text: marker })
    // Everything the rules look at is in order: own note, free area. Only the colour is wrong.
    sam.current.kv.set(note.id, { ...note, props: { ...note.props, color: 'ultraviolet' } })
    await refusedAndContained(sam, 0, marker, 'shape:sam-after')
    expect(olga.current.kv.get('shape:ultra')).toBeUndefined()
  })

  it("refuses binding someone else's arrow, and lets its author bind it", async () => {
    const bram = await participant('Bram')
    olga.current.kv.set('shape:olga-arrow', arrowRecord('shape:olga-arrow', olga.id))
    bram.current.kv.set(
      'shape:bram-note',
      noteRecord({ id: 'shape:bram-note', x: -3000, y: -2600, authorId: bram.id, text: 'doel' }),
    )
    await eventually(() => bram.current.kv.get('shape:olga-arrow') !== undefined, 3000, 'arrow at bram')
    await eventually(() => olga.current.kv.get('shape:bram-note') !== undefined, 3000, 'note at olga')

    const marker = 'BINDING-MARKER-B1'
    bram.current.kv.set(
      'binding:bram',
      bindingRecord('binding:bram', 'shape:olga-arrow', 'shape:bram-note', { why: marker }),
    )
    await refusedAndContained(bram, 0, marker, 'shape:bram-after-binding')
    expect(olga.current.kv.get('binding:bram')).toBeUndefined()

    // The same binding from the arrow's author is fine: the refusal was about whose arrow it is.
    olga.current.kv.set('binding:olga', bindingRecord('binding:olga', 'shape:olga-arrow', 'shape:bram-note'))
    await eventually(() => bram.current.kv.get('binding:olga') !== undefined, 3000, 'own binding arrives')
    expect(olga.refusals).toEqual([])
  })

  it('refuses a participant changing the document or the page record', async () => {
    const dora = await participant('Dora')
    for (const [i, id] of ['document:document', 'page:page'].entries()) {
      await eventually(() => dora.current.kv.get(id) !== undefined, 3000, `${id} at dora`)
      const marker = `LAYOUT-MARKER-${i}`
      dora.current.kv.set(id, { ...(dora.current.kv.get(id) as BoardRecord), name: marker })
      await refusedAndContained(dora, i, marker, `shape:dora-after-${i}`)
      expect((olga.current.kv.get(id) as BoardRecord).name).not.toBe(marker)
    }
  })

  it('refuses changing the author of a note, even of your own', async () => {
    const ties = await participant('Ties')
    const note = noteRecord({ id: 'shape:ties', x: -3000, y: -2200, authorId: ties.id, text: 'van Ties' })
    ties.current.kv.set(note.id, note)
    await eventually(() => olga.current.kv.get(note.id) !== undefined, 3000, 'note at olga')

    const marker = 'AUTHOR-MARKER-C1'
    const handedOver = noteRecord({ id: note.id, x: -3000, y: -2200, authorId: olga.id, text: marker })
    ties.current.kv.set(note.id, handedOver)
    await refusedAndContained(ties, 0, marker, 'shape:ties-after')
    expect((olga.current.kv.get(note.id) as BoardRecord).meta).toEqual({ authorId: ties.id })
  })
})
