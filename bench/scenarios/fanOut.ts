import type { ScenarioContext, ScenarioResult } from '../context'
import { sleep } from '../context'
import { DocClient } from '../docClient'
import { ProcSampler } from '../procStats'
import { percentile } from '../stats'
import { openRoom, presenceJson } from '../targets'
import type { PoolReport } from '../workerPool'
import { MovingWriter, seedNotes } from '../writer'

/** The board of the issue's figures: 1,000 notes, one writer moving a note 30 times a second. */
const NOTES = 1000
const WRITER_HZ = 30
const CURSOR_HZ = 20
const COUNTS = [2, 10, 50] as const
/** How long to wait after the writer stops for the last moves to reach every probe. */
const DRAIN_MS = 5000

/**
 * Scenarios 1 and 2. Fan-out: the writer moves its note while 2, 10 and 50 clients send cursors
 * at 20 Hz and time each move's arrival; the 50-client run lasts the storm's length and is also
 * the presence storm (server CPU, frames a second each client receives, moves dropped). A
 * verifier with a full document checks at the end that it holds exactly what the writer holds.
 */
export async function fanOut(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { pool, server, target, options } = ctx
  const figures: Record<string, number | null> = {}
  const notes: string[] = []
  const room = await openRoom(server, target, Math.max(...COUNTS) + 1)
  const writer = new DocClient(room.writer.endpoint)
  await writer.whenSynced()
  await seedNotes(writer, room.writer.authorId, NOTES)
  const verifier = new DocClient(room.members[0]!.endpoint)
  await verifier.whenSynced()
  await verifier.until(() => verifier.kv.map.size >= writer.kv.map.size, 30_000)
  const mover = new MovingWriter(writer, room.writer.authorId, 0)
  try {
    for (const n of COUNTS) {
      const seconds = n === 50 ? options.stormSeconds : options.seconds
      const added = await pool.add(
        room.members.slice(1, n + 1).map((m, i) => ({
          endpoint: m.endpoint,
          cursorHz: CURSOR_HZ,
          editHz: 0,
          writerId: 1000 + i,
          note: null,
          presence: presenceJson(m.authorId),
          cursorMarks: true,
        })),
      )
      if (added.failed > 0)
        notes.push(`${target.label}: ${added.failed} of ${n} clients could not connect (${added.errors[0]})`)
      await sleep(500)
      await pool.reset()
      const firstSeq = mover.sent + 1
      const sampler = new ProcSampler(server.pids)
      mover.start(WRITER_HZ)
      await sleep(seconds * 1000)
      const sent = mover.stop() - firstSeq + 1
      const proc = sampler.stop()
      // Frames a second from the window itself; moves still in flight are waited for after it.
      const atEnd = await pool.report()
      const report = await drained(ctx, sent, n - added.failed)
      if (n === 50 && server.kind === 'ours' && options.scenarios.has(7) && !options.noStoreEnv)
        Object.assign(figures, await storageShare(ctx, mover))
      await pool.stopClients()
      const clients = report.clients
      const perClientFps = atEnd.clients.map((c) => c.frames / proc.seconds)
      const received = clients.reduce((sum, c) => sum + Math.min(sent, c.marksByWriter.get(0) ?? 0), 0)
      const closed = clients.filter((c) => c.closeCode !== null).length
      figures[`fanout.${n}.p50`] = percentile(report.latencies, 50)
      figures[`fanout.${n}.p99`] = percentile(report.latencies, 99)
      // Cursors of the window itself (a coalescing server sends only the latest: the others are not counted).
      figures[`fanout.${n}.cursorP50`] = percentile(atEnd.cursorLatencies, 50)
      figures[`fanout.${n}.cursorP99`] = percentile(atEnd.cursorLatencies, 99)
      figures[`fanout.${n}.cpu`] = proc.cpuPercent
      figures[`fanout.${n}.rss`] = proc.rssPeak
      figures[`fanout.${n}.fps`] = mean(perClientFps)
      figures[`fanout.${n}.fpsMax`] = Math.max(...perClientFps)
      // The load offered: cursors the clients managed to send (20 a second each unless starved of CPU).
      figures[`fanout.${n}.cursorHz`] = mean(atEnd.clients.map((c) => c.cursorsSent / proc.seconds))
      figures[`fanout.${n}.dropped`] = sent * clients.length - received
      if (closed > 0)
        notes.push(`${target.label}: ${closed} of ${n} clients were closed by the server during the run`)
      ctx.log(
        `fan-out ${n}: ${sent} moves, p50 ${fmt(figures[`fanout.${n}.p50`])} ms, p99 ${fmt(figures[`fanout.${n}.p99`])} ms, ` +
          `cursors p50 ${fmt(figures[`fanout.${n}.cursorP50`])} ms p99 ${fmt(figures[`fanout.${n}.cursorP99`])} ms, ` +
          `CPU ${proc.cpuPercent.toFixed(1)} %, ${fmt(figures[`fanout.${n}.fps`])} frames/s per client, ` +
          `${figures[`fanout.${n}.dropped`]} moves not received`,
      )
      await sleep(500)
    }
    const converged = await verifier.until(
      () =>
        verifier.kv.map.size === writer.kv.map.size &&
        JSON.stringify(verifier.kv.get('shape:mover')) === JSON.stringify(writer.kv.get('shape:mover')),
      10_000,
    )
    figures['fanout.converged'] = converged ? 1 : 0
    if (!converged) notes.push(`${target.label}: the verifier did NOT converge with the writer`)
  } finally {
    await writer.close()
    await verifier.close()
  }
  return { figures, notes }
}

/** Our storage code and SQLite's bindings, as script URLs in a CPU profile. */
const STORAGE_CODE = '/server/src/storage/|/node_modules/better-sqlite3/'

/**
 * Scenario 7 without a server switch that turns storage off: one more storm window with V8's
 * sampling profiler on, and the share of the server's busy samples spent under our storage code
 * (SQLite included). Taking that share s away leaves the run without storage, so storage costs
 * s / (1 - s) of that run's CPU. Garbage collection is not attributed (counted as not storage),
 * nor work on other threads. A separate window, so the profiler's own cost is not in figure 2a.
 */
async function storageShare(
  ctx: ScenarioContext,
  mover: MovingWriter,
): Promise<Record<string, number | null>> {
  const { server, options } = ctx
  server.profileStart()
  await sleep(200)
  mover.start(WRITER_HZ)
  await sleep(options.seconds * 1000)
  mover.stop()
  const p = await server.profileStop(STORAGE_CODE)
  const busy = p.samples - p.idle
  const share = busy > 0 ? p.matched / busy : Number.NaN
  ctx.log(
    `durability: ${p.matched} of ${busy} busy samples (${(share * 100).toFixed(1)} %) in storage code, ` +
      `${p.gc} in GC: storage adds ${((share / (1 - share)) * 100).toFixed(1)} % to the CPU of a run without it`,
  )
  return {
    'durability.storageShare': share * 100,
    'durability.cpuRatio': (share / (1 - share)) * 100,
    'durability.samples': busy,
  }
}

/** Reports once every probe has every move (or after DRAIN_MS): late moves are late, not lost. */
async function drained(ctx: ScenarioContext, sent: number, clients: number): Promise<PoolReport> {
  const deadline = Date.now() + DRAIN_MS
  for (;;) {
    const report = await ctx.pool.report()
    const received = report.clients.reduce((sum, c) => sum + Math.min(sent, c.marksByWriter.get(0) ?? 0), 0)
    if (received >= sent * clients || Date.now() > deadline) return report
    await sleep(250)
  }
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length
}

export function fmt(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits)
}
