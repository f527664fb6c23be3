/**
 * `npm run bench`: our server against the reference y-websocket server (1.5.4, Yjs 13) and
 * Hocuspocus 4.7, each started in turn as a child process on its own port on loopback, under
 * the same workload; the issue's targets (issue 11) as rows of one table with the ratio of ours
 * to the better peer. Printed, and written as JSON and Markdown to bench/results/.
 * See options.ts for the settings, and README "Performance" for how to read the figures.
 */

import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { startTarget } from './cluster'
import type { BenchOptions, Measurements, ScenarioContext, ScenarioResult } from './context'
import { readOptions } from './options'
import { buildRows } from './report'
import { medians, type Samples, spreads } from './samples'
import { capacity } from './scenarios/capacity'
import { clientSize } from './scenarios/clientSize'
import { coldJoin } from './scenarios/coldJoin'
import { fanOut } from './scenarios/fanOut'
import { memory } from './scenarios/memory'
import { wireBytes } from './scenarios/wireBytes'
import { OURS_BENCH_ENV, oursEntry, type RunningServer, runOursFrom, runOursIn, startServer } from './servers'
import { interleave } from './stats'
import { textTable, writeResults } from './table'
import { TARGETS, type Target, type TargetName } from './targets'
import { WorkerPool } from './workerPool'

type Scenario = (ctx: ScenarioContext) => Promise<ScenarioResult>

/** Which scenarios run for a column: the guard matters where updates flow, so meetings run 1 to 3. */
function plan(target: Target, options: BenchOptions): Array<[string, Scenario]> {
  const s = options.scenarios
  const steps: Array<[string, Scenario]> = []
  // Several instances: the capacity over both cores (issue 18); the rest is one process's figure.
  if (target.instances && target.instances > 1) return s.has(3) ? [['capacity', capacity]] : []
  if (!target.meeting && s.has(4)) steps.push(['memory', memory])
  if (!target.meeting && s.has(5)) steps.push(['join', coldJoin])
  if (!target.meeting && s.has(6)) steps.push(['wire', wireBytes])
  if (s.has(1) || s.has(2) || s.has(7)) steps.push(['fan-out and storm', fanOut])
  if (s.has(3)) steps.push(['capacity', capacity])
  return steps
}

const options = readOptions()
const started = new Date()
const t0 = Date.now()
/** Every repetition's figure, by metric and column; the table shows their median and spread. */
const samples: Samples = {}
const notes: string[] = []
notes.push(oursSourceNote(options.oursAt, options.oursDir))
const record = (target: TargetName, result: ScenarioResult) => {
  for (const [id, value] of Object.entries(result.figures)) {
    samples[id] ??= {}
    samples[id][target] ??= []
    samples[id][target].push(value)
  }
  notes.push(...result.notes)
}
/** The medians so far (scenario 7 reads the storm's CPU from them). */
const measurements = (): Measurements => medians(samples)
const cores = os.availableParallelism()
const loadAtStart = os.loadavg()[0]!
const pool = new WorkerPool()
const machine =
  `${cores} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. ` +
  `The harness (${pool.size} worker threads and the main thread) and the server under test share these ${cores} cores, ` +
  'and other work on the machine may run at the same time: the figures are noisy, ratios from the same run mean more than absolutes.'
console.log(`Intervisiebord bench: ${machine}\n`)

// Interleaved: every column once per repetition (ours, peer A, peer B, ours, ...), each in a fresh
// server process, so load drift on a shared machine lands on every column alike (see stats.ts).
for (const { column: name, repetition } of interleave(options.targets, options.repetitions)) {
  const target = TARGETS[name]
  const steps = plan(target, options)
  if (steps.length === 0) continue
  console.log(`== ${target.label} (run ${repetition} of ${options.repetitions})`)
  let server: RunningServer | null = null
  for (const [label, scenario] of steps) {
    try {
      server ??= await startTarget(target, options.spread)
      const ctx: ScenarioContext = { options, pool, server, target, log: (l) => console.log(`  ${l}`) }
      const stepStart = Date.now()
      record(name, await scenario(ctx))
      console.log(`  (${label}: ${((Date.now() - stepStart) / 1000).toFixed(0)} s)`)
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]
      const loud = name === 'hocuspocus' ? ' HOCUSPOCUS COULD NOT BE MEASURED HERE.' : ''
      notes.push(`${target.label}, run ${repetition}, ${label}: FAILED (${message}).${loud}`)
      console.log(`  ${label}: FAILED: ${(error as Error).message.slice(0, 2000)}${loud}`)
      if (server) console.log(server.output().slice(-1500))
      await pool.stopClients().catch(() => {})
      await server?.stop()
      server = null
    }
  }
  await server?.stop()
}

if (options.scenarios.has(7)) {
  if (!options.noStoreEnv) {
    notes.push(
      '7 (durability): our server has no switch that turns storage off, so the cost is read from a CPU profile of one ' +
        'more storm window (50 clients, the writer at 30 Hz): the share s of busy samples under server/src/storage ' +
        'and better-sqlite3 (native SQLite included), and storage adds s / (1 - s) to the CPU of the same run without it. ' +
        'GC and other threads are not attributed. With a switch, --no-store-env KEY=VALUE compares two real runs.',
    )
  } else {
    console.log(`== ours without storage (${JSON.stringify(options.noStoreEnv)})`)
    const server = await startServer('ours', { env: { ...OURS_BENCH_ENV, ...options.noStoreEnv } })
    try {
      const off = await fanOut({
        options,
        pool,
        server,
        target: TARGETS.ours,
        log: (l) => console.log(`  ${l}`),
      })
      const on = measurements()['fanout.50.cpu']?.ours
      const without = off.figures['fanout.50.cpu']
      if (typeof on === 'number' && typeof without === 'number')
        record('ours', { figures: { 'durability.cpuRatio': (on / without - 1) * 100 }, notes: [] })
    } finally {
      await server.stop()
    }
  }
}

if (options.scenarios.has(8)) {
  console.log('== client size (vite build with a manifest, gzip level 9)')
  try {
    const result = clientSize(options.rebuild)
    record('ours', result)
    const kb = (v: number | null | undefined) =>
      typeof v === 'number' ? `${(v / 1024).toFixed(1)} KB` : 'n/a'
    const f = result.figures
    console.log(`  tldraw + React alone ${kb(f['client.tldraw'])}; front page ${kb(f['client.front'])}`)
    for (const name of ['board', 'meeting', 'newMeeting', 'group', 'attendance'])
      console.log(
        `  ${name}: initial ${kb(f[`client.${name}`])}, with its lazy chunks ${kb(f[`client.${name}.full`])}`,
      )
  } catch (error) {
    notes.push(`8 (client size): FAILED (${(error as Error).message.split('\n')[0]})`)
  }
}

if (options.scenarios.has(6)) {
  console.log(`== document layouts in-process (${options.moves} moves by 5 writers)`)
  const { benchLayoutCost } = await import('./layoutCost')
  for (const layout of benchLayoutCost(options.moves)) {
    const line =
      `layout "${layout.name}": ${layout.updateBytes.toFixed(1)} B per move update (add 3 B sync framing and ` +
      `2 B WebSocket header on the wire), document growth ${layout.growthPerMove.toFixed(2)} B per move`
    console.log(`  ${line}`)
    notes.push(line)
  }
}

if (options.guardCost) {
  const { benchGuardCost } = await import('./guardCost')
  const g = await benchGuardCost()
  notes.push(
    `guard check per update (in-process, 1,000-note board): median ${g.medianUs.toFixed(1)} µs, p99 ${g.p99Us.toFixed(1)} µs; ` +
      `Y.applyUpdate alone median ${g.applyMedianUs.toFixed(1)} µs`,
  )
}
await pool.terminate()

/** Which code "ours" is: a commit, or the working tree (and whether server/ had changes). */
function oursSourceNote(ref: string | null, dir: string | null): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim()
  if (dir) {
    runOursIn(dir)
    return `Ours ran from ${dir} (--ours-dir), not from this tree.`
  }
  if (ref) return `Ours ran from commit ${runOursFrom(ref).slice(0, 12)} (--ours-at ${ref}).`
  const head = git('rev-parse', '--short=12', 'HEAD')
  const dirty = git('status', '--porcelain', '--', 'server', 'templates') !== ''
  return (
    `Ours ran from the working tree at ${head}${dirty ? ' with uncommitted changes in server/ or templates/' : ''}, ` +
    `${oursEntry().includes('tsx') ? 'its sources through tsx' : 'compiled (dist/server, plain node, as npm start runs it)'}.`
  )
}

const columns = options.targets
const rows = buildRows(measurements(), columns, spreads(samples))
notes.unshift(
  'Peers in the setup their docs give for a plain server: y-websocket 1.5.4 as its README starts it (bin/server.js, ' +
    'rooms in memory, YPERSISTENCE unset) and Hocuspocus 4.7 as its getting-started guide does (new Server({ port }): ' +
    'default debounce 2,000 ms and maxDebounce 10,000 ms, no extensions: Logger and the storage extensions are optional). ' +
    'Ours stores every update in SQLite before it broadcasts.',
  `Every column ran ${options.repetitions} times, interleaved (${options.targets.join(', ')}, then again), each run in a ` +
    'fresh server process; a cell is the median with the smallest and largest run in brackets.',
  `ours ×2 (2 cores): two instances of ours on one Postgres schema and Redis prefix made for each start (bench/cluster.ts), ` +
    (options.spread === 'room'
      ? "each room's connections on the instance a hash of its name picks, as the documented proxy does; "
      : 'connections alternating between the instances, so every update and cursor crosses Redis; ') +
    'Postgres and Redis run on the same 2 cores. Its CPU and RSS are the sum of both instances (not Postgres or Redis).',
  'Cursor latency: each cursor carries a stamp in its presence (chatMessage); a client times the first frame that ' +
    'brings it. A server that coalesces presence (ours: the latest state per window) sends only some of them: those are timed.',
  `Ours runs with ${Object.entries(OURS_BENCH_ENV)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')} (every client comes from 127.0.0.1); all other limits at their defaults.`,
  'Latency: from the writer stamping a move (process.hrtime, shared by all threads) to a probe finding that stamp in a frame ' +
    '(byte search, no decoding). Memory: read inside each server after a full GC (node --expose-gc, SIGUSR2 preload).',
)
const seconds = (Date.now() - t0) / 1000
notes.unshift(
  `Machine load (1-minute load average on ${cores} cores): ${loadAtStart.toFixed(1)} at the start, ` +
    `${os.loadavg()[0]!.toFixed(1)} at the end` +
    (Math.max(loadAtStart, os.loadavg()[0]!) > cores
      ? ': a busy machine, other work ran beside the bench; latency and capacity suffer most, CPU and bytes least.'
      : '.'),
)
console.log(`\n${textTable(rows, columns)}\n`)
for (const n of notes) console.log(`- ${n}`)
const file = writeResults({
  startedAt: started.toISOString(),
  seconds,
  machine,
  settings: { ...options, scenarios: [...options.scenarios] },
  columns,
  rows,
  notes,
  raw: samples,
})
console.log(`\n${seconds.toFixed(0)} s; written to ${file} (and a dated copy beside it)`)
process.exit(0)
