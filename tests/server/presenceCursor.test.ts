import {
  atom,
  createTLStore,
  defaultShapeUtils,
  InstancePresenceRecordType,
  type TLInstancePresence,
} from 'tldraw'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { bindPresence } from '../../client/src/collab/presenceBinding'
import { cursorClientId } from '../../shared/presenceCursor'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

/**
 * A cursor move carries only the cursor: at most 48 B on the socket (WebSocket header included),
 * and the other client still draws it in the whole presence record. Nobody can move another's
 * cursor, nor pass a cursor off as someone else's through their own entry.
 */
const ROOM = 'presence-cursor-abc123'
const MAX_CURSOR_WIRE_BYTES = 48
let server: TestServer
const clients: TestClient[] = []
const unbinds: Array<() => void> = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  for (const u of unbinds) u()
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

async function boundClient(name: string) {
  const client = connectClient(server.url, ROOM)
  clients.push(client)
  await waitForSync(client)
  const store = createTLStore({ shapeUtils: defaultShapeUtils })
  const $presence = atom<TLInstancePresence | null>(`presence ${name}`, null)
  unbinds.push(bindPresence(store, client.provider.awareness, $presence))
  const at = (x: number, y: number) =>
    $presence.set(
      InstancePresenceRecordType.create({
        id: InstancePresenceRecordType.createId(name),
        userId: `user:${name}` as TLInstancePresence['userId'],
        userName: name,
        currentPageId: 'page:page' as TLInstancePresence['currentPageId'],
        cursor: { x, y, type: 'default', rotation: 0 },
        lastActivityTimestamp: Date.now(),
      }),
    )
  /** Where this client draws `other`'s cursor. */
  const cursorOf = (other: string) => store.get(InstancePresenceRecordType.createId(other))?.cursor ?? null
  return { client, at, cursorOf }
}

/** A plain socket in the room that keeps every presence frame (message type 1) it receives. */
function presenceFrames(): Promise<{ frames: Buffer[]; close: () => void }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${ROOM}`)
  const frames: Buffer[] = []
  ws.on('message', (data: Buffer) => {
    if (data[0] === 1) frames.push(Buffer.from(data))
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ frames, close: () => ws.close() }))
    ws.once('error', reject)
  })
}

/** A server-to-client WebSocket frame: 2 B of header up to 125 B of payload, then 4 B. */
const onWire = (payload: number) => payload + (payload <= 125 ? 2 : 4)

it('sends a cursor move as at most 48 B, and the other client draws it', async () => {
  const anna = await boundClient('anna')
  const bert = await boundClient('bert')
  anna.at(100, 200)
  await eventually(() => bert.cursorOf('anna')?.x === 100, 5000, 'first cursor')

  const observer = await presenceFrames()
  await new Promise((r) => setTimeout(r, 200))
  observer.frames.length = 0
  anna.at(1234.5, -678.9)
  await eventually(() => bert.cursorOf('anna')?.x === 1234.5, 5000, 'moved cursor')
  expect(bert.cursorOf('anna')).toMatchObject({ x: 1234.5, y: -678.9, type: 'default' })
  await eventually(() => observer.frames.some((f) => f.includes('1234.5')), 5000, 'frame at observer')
  const moves = observer.frames.filter((f) => f.includes('1234.5'))
  expect(moves).toHaveLength(1)
  console.log(`cursor move: ${onWire(moves[0]!.byteLength)} B on the wire`)
  expect(onWire(moves[0]!.byteLength)).toBeLessThanOrEqual(MAX_CURSOR_WIRE_BYTES)
  // The move sent nothing but the cursor.
  expect(observer.frames.every((f) => onWire(f.byteLength) <= MAX_CURSOR_WIRE_BYTES)).toBe(true)
  observer.close()
})

it("refuses a cursor written for someone else's id, and a cursor in one's own presence", async () => {
  const anna = await boundClient('anna2')
  const bert = await boundClient('bert2')
  anna.at(10, 20)
  await eventually(() => bert.cursorOf('anna2')?.x === 10, 5000, 'anna’s cursor')

  const mallory = connectClient(server.url, ROOM)
  clients.push(mallory)
  await waitForSync(mallory)
  const awareness = mallory.provider.awareness
  const annaCursor = cursorClientId(anna.client.doc.clientID)
  // Anna's cursor entry, forged: a newer clock than hers, written as a stock client sends a change.
  awareness.states.set(annaCursor, { c: [666, 666] })
  awareness.meta.set(annaCursor, { clock: 1_000_000, lastUpdated: Date.now() })
  awareness.emit('update', [{ added: [], updated: [annaCursor], removed: [] }, 'local'])
  // Mallory's own entry dressed as a cursor entry (for whoever's cursor id it could be taken for).
  awareness.setLocalState({ c: [666, 666] })
  // A marker in a later frame: once Bert has it, the server has dealt with the forgeries.
  awareness.setLocalState({ marker: 'done' })
  await eventually(
    () =>
      (bert.client.provider.awareness.getStates().get(awareness.clientID) as { marker?: string })?.marker ===
      'done',
    5000,
    'marker',
  )
  expect(bert.cursorOf('anna2')).toMatchObject({ x: 10, y: 20 })
  const seen = [...bert.client.provider.awareness.getStates().values()]
  expect(seen.some((s) => JSON.stringify(s).includes('666'))).toBe(false)
})
