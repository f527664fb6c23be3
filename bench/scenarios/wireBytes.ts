import { readdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { cursorClientId } from '../../shared/presenceCursor'
import { Connection, type Endpoint } from '../connection'
import type { ScenarioContext, ScenarioResult } from '../context'
import { sleep } from '../context'
import { DocClient } from '../docClient'
import { openRoom, presenceJson } from '../targets'
import { awarenessUpdate } from '../wire'
import { MovingWriter, seedNotes } from '../writer'

const MOVES_MEASURED = 90
const CURSOR_SECONDS = 3
/** Writers that share the long run of moves, each within our per-socket rate (200 frames/s). */
const GROWTH_WRITERS = 5
const GROWTH_HZ = 150
/** Moves between two readings of the stored size; the steady-state figure compares the smallest of the first and last STEADY_WINDOW readings (our log is compacted every 500 updates). */
const SAMPLE_MOVES = 250
const STEADY_WINDOW = 4

interface Reading {
  moves: number
  bytes: number
}
const smallest = (xs: Reading[]) => xs.reduce((a, b) => (b.bytes < a.bytes ? b : a))

/**
 * Bytes our SQLite databases under a directory hold: pages in use (page count less free pages,
 * read through a connection of our own, which sees what the WAL holds too), whatever the schema.
 * File sizes would not do: the WAL is reused after a checkpoint and the database keeps free pages.
 */
function storedBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(db|sqlite3?)$/.test(entry.name)) continue
    const db = new Database(path.join(entry.parentPath, entry.name), { readonly: true, fileMustExist: true })
    try {
      const pages = db.pragma('page_count', { simple: true }) as number
      const free = db.pragma('freelist_count', { simple: true }) as number
      total += (pages - free) * (db.pragma('page_size', { simple: true }) as number)
    } finally {
      db.close()
    }
  }
  return total
}

/**
 * A browser as our client sends presence (shared/presenceCursor.ts): the slow part once
 * under its own id, then only `{"c":[x,y]}` under the derived id, `hz` times a second. Resolves
 * with a function that stops it and returns how many cursor updates it sent.
 */
async function splitCursorSender(endpoint: Endpoint, authorId: string, hz: number) {
  const conn = new Connection(endpoint)
  await conn.ready
  const id = 2_000_000_000 + Math.floor(Math.random() * 100_000_000)
  const slow = JSON.parse(presenceJson(authorId)) as { presence: Record<string, unknown> }
  slow.presence.cursor = { type: 'default', rotation: 0 }
  conn.send(conn.enc.awareness(awarenessUpdate(id, 1, JSON.stringify(slow))))
  let clock = 0
  let sent = 0
  let running = false
  const timer = setInterval(() => {
    if (!running) return
    const x = Math.round(Math.random() * 20_000) / 10
    const y = Math.round(Math.random() * 12_000) / 10
    conn.send(conn.enc.awareness(awarenessUpdate(cursorClientId(id), ++clock, `{"c":[${x},${y}]}`)))
    sent++
  }, 1000 / hz)
  return {
    start: () => {
      running = true
    },
    /** Stops sending; returns the count. */
    stop: () => {
      clearInterval(timer)
      return sent
    },
    close: async () => {
      conn.close()
      await conn.closed()
    },
  }
}

/**
 * Scenario 6. An observer counts the bytes its socket reads (frames with their WebSocket headers)
 * while one writer moves a note 90 times at 30 Hz, then while one client sends cursors at 20 Hz
 * for 3 s: bytes per move and per cursor update as a client receives them. Cursors are sent as our
 * client sends them (the cursor apart, `wire.cursor`, the same client for every server), then as
 * a client that puts the whole tldraw presence record in awareness (`wire.cursorWhole`). Then five writers
 * move five notes `moves` times in all; the growth of the encoded document per move (what any
 * server would store), and for ours of its data directory.
 */
export async function wireBytes(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { pool, server, target, options } = ctx
  const figures: Record<string, number | null> = {}
  const room = await openRoom(server, target, GROWTH_WRITERS + 2)
  const [observer, cursorer, ...writerSeats] = room.members
  const writer = new DocClient(room.writer.endpoint)
  await writer.whenSynced()
  await seedNotes(writer, room.writer.authorId, 20)
  const quiet = { cursorHz: 0, editHz: 0, note: null }
  await pool.add([
    { ...quiet, endpoint: observer!.endpoint, writerId: 1, presence: presenceJson(observer!.authorId) },
  ])
  // The note is made (whole) before the count starts: what is measured are its moves.
  const mover = new MovingWriter(writer, room.writer.authorId, 0, 'shape:mover', false)
  mover.move()
  await sleep(500)
  await pool.reset()
  for (let i = 0; i < MOVES_MEASURED; i++) {
    mover.move()
    await sleep(1000 / 30)
  }
  await sleep(500)
  const moves = await pool.report()
  figures['wire.move'] = moves.clients[0]!.wireBytes / MOVES_MEASURED

  const split = await splitCursorSender(cursorer!.endpoint, cursorer!.authorId, 20)
  await sleep(500)
  await pool.reset()
  split.start()
  await sleep(CURSOR_SECONDS * 1000)
  const splitSent = split.stop()
  await sleep(300)
  const splitReport = await pool.report()
  await split.close()
  figures['wire.cursor'] = splitSent > 0 ? splitReport.clients[0]!.wireBytes / splitSent : null

  await pool.add([
    {
      ...quiet,
      cursorHz: 20,
      endpoint: cursorer!.endpoint,
      writerId: 2,
      presence: presenceJson(cursorer!.authorId),
    },
  ])
  await sleep(500)
  await pool.reset()
  await sleep(CURSOR_SECONDS * 1000)
  const cursors = await pool.report()
  await pool.stopClients()
  const sender = cursors.clients.find((c) => c.cursorsSent > 0)
  const receiver = cursors.clients.find((c) => c.cursorsSent === 0)
  figures['wire.cursorWhole'] = sender && receiver ? receiver.wireBytes / sender.cursorsSent : null
  ctx.log(
    `wire: ${figures['wire.move']!.toFixed(0)} B per note move, ${figures['wire.cursor']?.toFixed(1) ?? 'n/a'} B per cursor update (as received; whole presence record: ${figures['wire.cursorWhole']?.toFixed(0) ?? 'n/a'} B)`,
  )

  // Stored growth at steady state: many moves of a few notes by writers that apply what they
  // receive (real documents), a warm-up first, then stored size sampled every SAMPLE_MOVES moves.
  const writers = await Promise.all(
    writerSeats.slice(0, GROWTH_WRITERS).map(async (seat, i) => {
      const c = new DocClient(seat.endpoint)
      await c.whenSynced()
      return { client: c, mover: new MovingWriter(c, seat.authorId, 0, `shape:grow${i}`, false) }
    }),
  )
  const stored = () =>
    server.dataDir ? storedBytes(server.dataDir) : Y.encodeStateAsUpdate(writer.doc).byteLength
  const round = async (moves: number) => {
    const perWriter = Math.ceil(moves / GROWTH_WRITERS)
    await Promise.all(
      writers.map(async (w) => {
        for (let i = 0; i < perWriter; i++) {
          w.mover.move()
          if (i % 10 === 9) await sleep((10 * 1000) / GROWTH_HZ)
        }
      }),
    )
    await sleep(200)
    return perWriter * GROWTH_WRITERS
  }
  const sampleRounds = (moves: number) => Math.max(4, Math.round(moves / SAMPLE_MOVES))
  for (let r = 0; r < sampleRounds(options.moves / 5); r++) await round(SAMPLE_MOVES)
  const docBefore = Y.encodeStateAsUpdate(writer.doc).byteLength
  const before: Reading[] = []
  const after: Reading[] = []
  let total = 0
  const rounds = sampleRounds(options.moves)
  for (let r = 0; r < rounds; r++) {
    total += await round(SAMPLE_MOVES)
    const reading = { moves: total, bytes: stored() }
    if (r < STEADY_WINDOW) before.push(reading)
    if (r >= rounds - STEADY_WINDOW) after.push(reading)
  }
  const arrived = await writer.until(
    () =>
      writers.every(
        (w) =>
          JSON.stringify(writer.kv.get(w.mover.noteId)) === JSON.stringify(w.client.kv.get(w.mover.noteId)) &&
          JSON.stringify(writer.fields.get(`${w.mover.noteId}@xy`)) ===
            JSON.stringify(w.client.fields.get(`${w.mover.noteId}@xy`)),
      ),
    30_000,
  )
  await sleep(1500)
  const docAfter = Y.encodeStateAsUpdate(writer.doc).byteLength
  // The smallest reading of each window (just after a compaction), and the moves between them.
  const [first, last] = [smallest(before), smallest(after)]
  figures['wire.docPerMove'] = (docAfter - docBefore) / total
  figures['wire.docAfter'] = docAfter
  figures['wire.storedPerMove'] = (last.bytes - first.bytes) / (last.moves - first.moves)
  ctx.log(
    `wire: ${total} moves at steady state: document ${docBefore} → ${docAfter} B (${figures['wire.docPerMove']!.toFixed(2)} B per move), ` +
      `${server.dataDir ? 'stored (SQLite pages in use)' : 'encoded document'} ${figures['wire.storedPerMove']!.toFixed(2)} B per move`,
  )
  await Promise.all([writer.close(), ...writers.map((w) => w.client.close())])
  const notes = arrived ? [] : [`${target.label}: the moves of the growth run had not all arrived after 30 s`]
  return { figures, notes }
}
