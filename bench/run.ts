/**
 * Benchmarks (npm run bench): figures for the live board and the server-side locks, each beside a
 * peer measured in the same run, so the ratios mean something on any machine.
 *
 * 1. Fan-out latency, 8 clients in one room, one edit a second each, on loopback: free board
 *    (no guard) against a meeting room (every update judged by the guard).
 * 2. Document size after 10,000 moves of one note: YKeyValue (ours) against a plain Y.Map.
 * 3. Cold load of a room holding 1,000 notes, from SQLite.
 * 4. Cost of the server-side check per update (median and p99 microseconds).
 */
import { performance } from 'node:perf_hooks'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { zoneRect } from '../templates/src/layout'
import { startTestServer } from '../tests/helpers/inProcessServer'
import { command, createMeeting, joinMeeting } from '../tests/helpers/meetingClient'
import { noteRecord } from '../tests/helpers/records'
import { connectClient, waitForSync } from '../tests/helpers/yjsClient'
import { benchGuardCost } from './guardCost'
import { percentile, printTable } from './stats'

const quiet = () => {}

async function fanOut(kind: 'free' | 'meeting', seconds: number) {
  const server = await startTestServer({ log: quiet })
  let roomId = 'bench-free-room'
  const params: Array<Record<string, string>> = []
  const authors: string[] = []
  if (kind === 'meeting') {
    const setup = await createMeeting(server.url, 'roddelmethode')
    await command(server.url, setup, { type: 'start' })
    await command(server.url, setup, { type: 'goto', phaseId: 'roddelen' })
    roomId = setup.roomId
    for (let i = 0; i < 8; i++) {
      const p = await joinMeeting(server.url, setup, `Deelnemer ${i}`)
      params.push({ token: p.token })
      authors.push(p.id)
    }
  }
  const template = kind === 'meeting' ? server.meetings.template(roomId.slice(2))! : null
  const zone = template ? zoneRect(template, 'roddelzone') : { x: -5000, y: -5000 }
  const clients = Array.from({ length: 8 }, (_, i) => connectClient(server.url, roomId, params[i] ?? {}))
  await Promise.all(clients.map((c) => waitForSync(c)))

  const latencies: number[] = []
  // Every receiver notes when each (author, seq) arrives; the send time travels in the record.
  clients.forEach((c, i) => {
    c.kv.on('change', (changes: Map<string, { newValue?: { meta?: { sentAt?: number } } }>) => {
      for (const [, change] of changes) {
        const sentAt = change.newValue?.meta?.sentAt
        if (sentAt !== undefined && !c.doc.isDestroyed) latencies.push(performance.now() - sentAt)
      }
      void i
    })
  })
  const end = Date.now() + seconds * 1000
  let seq = 0
  await new Promise<void>((resolve) => {
    clients.forEach((c, i) => {
      // One edit a second each, spread over the second.
      setTimeout(
        () => {
          const timer = setInterval(() => {
            if (Date.now() > end) {
              clearInterval(timer)
              if (i === clients.length - 1) setTimeout(resolve, 300)
              return
            }
            const id = `shape:bench-${i}`
            const note = noteRecord({
              id,
              x: zone.x + 20 + (seq++ % 100),
              y: zone.y + 40,
              authorId: authors[i] ?? 'anon',
              text: `n${i}`,
            })
            c.kv.set(id, { ...note, meta: { ...note.meta, sentAt: performance.now() } })
          }, 1000)
        },
        (i * 1000) / clients.length,
      )
    })
  })
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
  // The author's own echo is local (0 ms); only remote receptions count.
  const remote = latencies.filter((l) => l > 0.05)
  return { p50: percentile(remote, 50), p99: percentile(remote, 99), samples: remote.length }
}

/** Document size after `moves` moves, round-robin over `notes` notes, in both layouts. */
function docSizeAfterMoves(moves: number, notes: number) {
  const records = Array.from({ length: notes }, (_, i) =>
    noteRecord({ id: `shape:moving${i}`, x: 0, y: 0, authorId: 'a', text: 'verplaats mij' }),
  )
  const kvDoc = new Y.Doc()
  const kv = new YKeyValue(kvDoc.getArray<{ key: string; val: unknown }>('tl_records'))
  const mapDoc = new Y.Doc()
  const map = mapDoc.getMap('tl_records')
  for (let i = 0; i < moves; i++) {
    const note = records[i % notes]!
    kv.set(note.id, { ...note, x: i })
    map.set(note.id, { ...note, x: i })
  }
  return {
    keyValue: Y.encodeStateAsUpdate(kvDoc).byteLength,
    yMap: Y.encodeStateAsUpdate(mapDoc).byteLength,
  }
}

async function coldLoad(notes: number) {
  const server = await startTestServer({ log: quiet })
  const c = connectClient(server.url, 'bench-cold-load')
  await waitForSync(c)
  c.doc.transact(() => {
    for (let i = 0; i < notes; i++) {
      const id = `shape:n${i}`
      c.kv.set(
        id,
        noteRecord({
          id,
          x: (i % 40) * 220,
          y: Math.floor(i / 40) * 220,
          authorId: 'a',
          text: `Notitie ${i}`,
        }),
      )
    }
  })
  const stored = await new Promise<number>((resolve) => {
    const check = () => {
      const room = server.registry.peek('bench-cold-load')
      if (room && room.doc.getArray('tl_records').length === notes)
        resolve(Y.encodeStateAsUpdate(room.doc).byteLength)
      else setTimeout(check, 20)
    }
    check()
  })
  c.destroy()
  await server.stop()
  // Fresh server on the same data: time from connect to a fully synced client.
  const again = await startTestServer({ dataDir: server.dataDir, log: quiet })
  const t0 = performance.now()
  const d = connectClient(again.url, 'bench-cold-load')
  await waitForSync(d, 20_000)
  const ms = performance.now() - t0
  const ok = d.kv.map.size === notes
  d.destroy()
  await again.stop()
  server.cleanup()
  return { ms, bytes: stored, ok }
}

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10)
  console.log(`Intervisiebord benchmarks (fan-out ${seconds} s per run; BENCH_SECONDS to change)\n`)

  const free = await fanOut('free', seconds)
  const guarded = await fanOut('meeting', seconds)
  printTable('1. Fan-out latency, 8 clients, 1 edit/s each, loopback', [
    [
      'free board (no guard)',
      `p50 ${free.p50.toFixed(2)} ms`,
      `p99 ${free.p99.toFixed(2)} ms`,
      `${free.samples} receptions`,
    ],
    [
      'meeting (guard on)',
      `p50 ${guarded.p50.toFixed(2)} ms`,
      `p99 ${guarded.p99.toFixed(2)} ms`,
      `${guarded.samples} receptions`,
    ],
    [
      'ratio guard/no guard',
      `p50 ×${(guarded.p50 / free.p50).toFixed(2)}`,
      `p99 ×${(guarded.p99 / free.p99).toFixed(2)}`,
      '',
    ],
  ])

  const one = docSizeAfterMoves(10_000, 1)
  const ten = docSizeAfterMoves(10_000, 10)
  printTable('2. Document size after 10,000 moves', [
    [
      'one note: YKeyValue (ours)',
      `${one.keyValue} B`,
      'Y.Map (peer)',
      `${one.yMap} B`,
      `ratio ×${(one.yMap / one.keyValue).toFixed(1)}`,
    ],
    [
      'ten notes in turn: YKeyValue',
      `${ten.keyValue} B`,
      'Y.Map (peer)',
      `${ten.yMap} B`,
      `ratio ×${(ten.yMap / ten.keyValue).toFixed(1)}`,
    ],
  ])

  const cold = await coldLoad(1000)
  printTable('3. Cold load of a room with 1,000 notes (SQLite to synced client)', [
    [
      'time',
      `${cold.ms.toFixed(1)} ms`,
      `document ${(cold.bytes / 1024).toFixed(0)} KiB`,
      cold.ok ? 'all notes present' : 'NOTES MISSING',
    ],
  ])

  const guard = await benchGuardCost()
  printTable('4. Server-side check per update (decode + validate + judge), 1,000-note board', [
    ['guard check', `median ${guard.medianUs.toFixed(1)} µs`, `p99 ${guard.p99Us.toFixed(1)} µs`],
    [
      'Y.applyUpdate alone (peer)',
      `median ${guard.applyMedianUs.toFixed(1)} µs`,
      `p99 ${guard.applyP99Us.toFixed(1)} µs`,
    ],
    ['ratio check/apply', `median ×${(guard.medianUs / guard.applyMedianUs).toFixed(2)}`, ''],
  ])
}

await main()
