import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import * as Y from 'yjs'
import type { ScenarioContext, ScenarioResult } from '../context'
import { sleep } from '../context'
import { DocClient } from '../docClient'
import type { MemoryUsage } from '../servers'
import { openRoom, presenceJson } from '../targets'
import { seedNotes } from '../writer'

/** Idle connections share rooms of this size (a large meeting). */
const PER_ROOM = 50
const NOTES_PER_ROOM = 100
/** The target is 30 s; a reading every second until 40 s, so a near miss shows as a time. */
const BASELINE_WAIT_S = 40
/** Within this of the baseline counts as back: code the first clients warmed up (JIT, caches) stays. */
const BASELINE_SLACK = 2 * 1024 * 1024

/** A full GC in this process (the bench runs without --expose-gc). */
const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/** Heap a Y.Doc holding `update` takes in this process, averaged over 50 such documents. */
function bareDocBytes(update: Uint8Array): number {
  const n = 50
  gc()
  const before = process.memoryUsage().heapUsed
  const docs = Array.from({ length: n }, () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, update)
    return doc
  })
  gc()
  const after = process.memoryUsage().heapUsed
  for (const d of docs) d.destroy()
  return (after - before) / n
}

/** What a server holds for JavaScript after a full GC: its heap and the buffers outside it. */
const held = (m: MemoryUsage) => m.heapUsed + m.external

/**
 * Scenario 4, run first on a fresh server. Memory is read inside the server after a full GC
 * (SIGUSR2, see peers/gcOnSignal.mjs), the same way for every server; RSS deltas are noted too.
 * - per idle connection: many silent connections, the growth divided by their number;
 * - per active room: rooms of 100 notes, each with one connected client, the growth per room
 *   less one idle connection, against 1.5 times the room's encoded document plus 32 KB;
 * - back to baseline: every client leaves; seconds until the held memory is within
 *   max(2 MB, 10 % of the peak growth) of the baseline, reading every second for up to 40 s; what
 *   is still held above the baseline then is a figure too.
 */
export async function memory(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { pool, server, target, options } = ctx
  const notes: string[] = []
  const figures: Record<string, number | null> = {}
  const base = await server.memory()

  const idle = options.idleConnections
  const specs = []
  for (let r = 0; r < Math.ceil(idle / PER_ROOM); r++) {
    const room = await openRoom(server, target, Math.min(PER_ROOM, idle - r * PER_ROOM) - 1)
    for (const m of [room.writer, ...room.members])
      specs.push({
        endpoint: m.endpoint,
        cursorHz: 0,
        editHz: 0,
        writerId: 0,
        note: null,
        presence: presenceJson(m.authorId),
      })
  }
  const added = await pool.add(specs)
  const connected = specs.length - added.failed
  await sleep(2000)
  const withIdle = await server.memory()
  figures['memory.idleConn'] = (held(withIdle) - held(base)) / connected
  figures['memory.idleConnRss'] = (withIdle.rss - base.rss) / connected
  ctx.log(
    `memory: ${connected} idle connections, ${(figures['memory.idleConn']! / 1024).toFixed(1)} KB each held after GC ` +
      `(RSS ${(figures['memory.idleConnRss']! / 1024).toFixed(1)} KB each)`,
  )
  if (added.failed)
    notes.push(`${target.label}: ${added.failed} idle connections failed (${added.errors[0]})`)
  await pool.stopClients()
  await sleep(1000)

  const before = await server.memory()
  const clients: DocClient[] = []
  let docBytes = 0
  for (let r = 0; r < options.activeRooms; r++) {
    const room = await openRoom(server, target, 0)
    const c = new DocClient(room.writer.endpoint)
    await c.whenSynced()
    docBytes = await seedNotes(c, room.writer.authorId, NOTES_PER_ROOM)
    clients.push(c)
  }
  await sleep(2000)
  const withRooms = await server.memory()
  const perRoom = (held(withRooms) - held(before)) / clients.length - (figures['memory.idleConn'] ?? 0)
  figures['memory.activeRoom'] = perRoom
  figures['memory.activeRoomDoc'] = docBytes
  figures['memory.activeRoomRss'] = (withRooms.rss - before.rss) / clients.length
  ctx.log(
    `memory: ${clients.length} rooms of ${NOTES_PER_ROOM} notes (document ${(docBytes / 1024).toFixed(1)} KB): ` +
      `${(perRoom / 1024).toFixed(1)} KB each held after GC`,
  )

  if (target.name === 'ours') {
    const bare = bareDocBytes(Y.encodeStateAsUpdate(clients[0]!.doc))
    notes.push(
      `A bare Y.Doc holding the same ${NOTES_PER_ROOM}-note document (${(docBytes / 1024).toFixed(1)} KB encoded) takes ` +
        `${(bare / 1024).toFixed(1)} KB of heap in the harness (${(bare / docBytes).toFixed(1)}× its encoding): ` +
        'the floor for any server that holds a room as a Y.Doc.',
    )
  }
  await Promise.all(clients.map((c) => c.close()))
  const left = Date.now()
  const peak = Math.max(held(withIdle), held(withRooms)) - held(base)
  const tolerance = Math.max(BASELINE_SLACK, 0.1 * peak)
  let back: number | null = null
  let last = withRooms
  while ((Date.now() - left) / 1000 < BASELINE_WAIT_S) {
    await sleep(1000)
    const asked = Date.now()
    last = await server.memory()
    if (held(last) <= held(base) + tolerance) {
      back = (asked - left) / 1000
      break
    }
  }
  // Not back within the wait: infinitely late as far as the target goes ("not in time").
  figures['memory.backToBaseline'] = back ?? Number.POSITIVE_INFINITY
  figures['memory.residual'] = held(last) - held(base)
  figures['memory.peakGrowth'] = peak
  figures['memory.baseline'] = held(base)
  figures['memory.baselineRss'] = base.rss
  if (back === null)
    notes.push(
      `${target.label}: memory not back to baseline ${BASELINE_WAIT_S} s after the last client left ` +
        `(${((held(last) - held(base)) / 1024 / 1024).toFixed(1)} MB above)`,
    )
  ctx.log(
    `memory: back to baseline ${back === null ? `not within ${BASELINE_WAIT_S} s` : `after ${back.toFixed(0)} s`}`,
  )
  return { figures, notes }
}
