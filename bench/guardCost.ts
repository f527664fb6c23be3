import { performance } from 'node:perf_hooks'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { MeetingGuard } from '../server/src/meetings/meetingGuard'
import type { RoomConnection } from '../server/src/rooms/connection'
import { fromConnection, SERVER_ORIGIN } from '../server/src/rooms/updateOrigin'
import { scanUpdate } from '../server/src/rooms/updateScan'
import { zoneRect } from '../shared/layout'
import { RECORDS_ARRAY } from '../shared/wire'
import { startTestServer } from '../tests/helpers/inProcessServer'
import { command, createMeeting, joinMeeting } from '../tests/helpers/meetingClient'
import { noteRecord } from '../tests/helpers/records'
import { percentile } from './stats'

/**
 * Times MeetingGuard.check on real updates (a participant moving a note on a board with 1,000
 * notes) against Y.applyUpdate of the same updates, the work every server does anyway.
 */
export async function benchGuardCost(samples = 2000) {
  const server = await startTestServer({ log: () => {} })
  const setup = await createMeeting(server.url, 'roddelmethode')
  await command(server.url, setup, { type: 'start' })
  await command(server.url, setup, { type: 'goto', phaseId: 'roddelen' })
  const p = await joinMeeting(server.url, setup, 'Bench')
  // Awaited: the registry loads a room asynchronously (awaiting a room itself is harmless).
  const room = await server.registry.acquire(setup.roomId)
  const template = server.meetings.template(setup.meetingId)!
  const zone = zoneRect(template, 'roddelzone')

  // A client doc that starts from the room's state, fills the board, and then moves one note.
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc))
  const kv = new YKeyValue(client.getArray<{ key: string; val: unknown }>(RECORDS_ARRAY))
  const fill = (fn: () => void) => {
    const before = Y.encodeStateVector(client)
    fn()
    return Y.encodeStateAsUpdate(client, before)
  }
  const seed = fill(() => {
    client.transact(() => {
      for (let i = 0; i < 1000; i++) {
        const id = `shape:fill${i}`
        kv.set(
          id,
          noteRecord({ id, x: zone.x + (i % 30), y: zone.y + 40, authorId: p.id, text: `Notitie ${i}` }),
        )
      }
    })
  })
  Y.applyUpdate(room.doc, seed, SERVER_ORIGIN)

  const conn: RoomConnection = {
    id: 'bench',
    identity: { participantId: p.id, meetingId: setup.meetingId },
    send: () => {},
    close: () => {},
  }
  const guard = new MeetingGuard(server.meetings, setup.meetingId, room)
  const note = noteRecord({
    id: 'shape:fill7',
    x: zone.x + 5,
    y: zone.y + 40,
    authorId: p.id,
    text: 'Notitie 7',
  })
  const checkUs: number[] = []
  const applyUs: number[] = []
  for (let i = 0; i < samples; i++) {
    const update = fill(() => kv.set(note.id, { ...note, x: zone.x + 10 + (i % 200) }))
    // What the room does before Yjs: the bounded scan, then the guard's judgement by effect.
    let t = performance.now()
    const scan = scanUpdate(update)
    if (!scan.ok) throw new Error(`bench update unreadable: ${scan.reason}`)
    const refusal = guard.check(conn, update, scan.sections)
    checkUs.push((performance.now() - t) * 1000)
    if (refusal) throw new Error(`bench update refused: ${refusal.en}`)
    t = performance.now()
    Y.applyUpdate(room.doc, update, fromConnection(conn))
    applyUs.push((performance.now() - t) * 1000)
    guard.accepted()
  }
  await server.stop()
  server.cleanup()
  const warm = (xs: number[]) => xs.slice(Math.floor(xs.length / 10))
  return {
    medianUs: percentile(warm(checkUs), 50),
    p99Us: percentile(warm(checkUs), 99),
    applyMedianUs: percentile(warm(applyUs), 50),
    applyP99Us: percentile(warm(applyUs), 99),
  }
}
