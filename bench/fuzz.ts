/**
 * `npm run fuzz -- --frames 1000000 --seed 7`: the adversarial fuzz of the tests, long. Hostile
 * frames from the same seeded generators go to meeting rooms of a server in a child process
 * (loopback only), a fresh meeting every --room-frames frames, each with three honest stock
 * clients; beside it an honest room (its own process) measures the round trip of a small edit.
 * Each fuzzed room is checked when it is done (converged, lawful by the shared rules); at the end
 * the server restarts and every room must load with nothing pending and the same records.
 *
 * Stops by itself after --frames hostile frames or --max-seconds, whichever comes first.
 * By default the per-socket message rate and refusal limits are raised, so the frames reach the
 * update reader instead of only the rate limiter; --default-limits keeps the server's defaults.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { childServer } from '../tests/helpers/boardServer'
import { GENERATOR_NAMES, generatorSelection } from '../tests/helpers/fuzzGenerators'
import { FuzzRoom } from '../tests/helpers/fuzzRoom'
import { meetingIn } from '../tests/helpers/meetingFixture'
import { percentile } from './stats'

const { values: args } = parseArgs({
  options: {
    frames: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    'max-seconds': { type: 'string', default: '900' },
    'room-frames': { type: 'string', default: '5000' },
    generators: { type: 'string' },
    'default-limits': { type: 'boolean', default: false },
  },
})
const frames = wholeNumber('frames', args.frames)
const seed = wholeNumber('seed', args.seed)
const maxSeconds = wholeNumber('max-seconds', args['max-seconds'])
const roomFrames = wholeNumber('room-frames', args['room-frames'])
const only = generatorSelection(args.generators)
const METHODS = [
  { templateId: 'warm-neutraal-koud', phaseId: 'vragen-formuleren' },
  { templateId: 'roddelmethode', phaseId: 'roddelen' },
] as const

const RAISED = {
  LIMIT_MESSAGES_PER_SECOND: '1000000',
  LIMIT_MESSAGE_BURST: '1000000',
  LIMIT_REFUSALS_PER_MINUTE: '1000000',
  // Every fuzz round makes a meeting from 127.0.0.1.
  LIMIT_CREATE_BURST: '1000000',
}
const started = Date.now()
const deadline = started + maxSeconds * 1000
console.log(
  `fuzz: seed ${seed}, up to ${frames} frames or ${maxSeconds} s, ${roomFrames} frames a room, ` +
    `generators ${only ? [...only].join(',') : GENERATOR_NAMES.join(',')}, ` +
    `${args['default-limits'] ? 'default limits' : `raised limits (${Object.keys(RAISED).join(', ')})`}`,
)

const problems: string[] = []
// A stock client that hostile input broke can throw from its own timers (y-websocket, the
// resetting client); that is a finding to report, not a reason to stop the run.
process.on('uncaughtException', (error) => {
  problems.push(`an honest stock client threw: ${error.message}`)
})
const server = await childServer(args['default-limits'] ? {} : RAISED)
const latency = await startHonestRoom()
process.once('exit', () => latency.kill())
const rooms: FuzzRoom[] = []
let sent = 0
let lastReport = Date.now()
let honest: { latencies: number[]; lost: number } = { latencies: [], lost: 0 }
try {
  for (let n = 0; sent < frames && Date.now() < deadline; n++) {
    const room = await FuzzRoom.open(server, { seed: seed + n, ...METHODS[n % METHODS.length]!, only })
    rooms.push(room)
    const target = Math.min(roomFrames, frames - sent)
    while (room.counts.frames < target && Date.now() < deadline) {
      await room.run(Math.min(target, room.counts.frames + 1000), deadline)
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now()
        console.log(`  ${sent + room.counts.frames} frames, ${Math.round((Date.now() - started) / 1000)} s`)
      }
      if (!(await server.alive())) break
    }
    sent += room.counts.frames
    if (!(await server.alive())) {
      problems.push(`the server died in room ${n + 1}`)
      break
    }
    const settled = await room.settle()
    room.destroyHonest()
    if (!settled.converged) problems.push(`room ${n + 1}: honest clients did not converge with the server`)
    problems.push(...settled.violations.map((v) => `room ${n + 1}: ${v}`))
  }
} finally {
  honest = await latency.stop()
}
const alive = await server.alive()
await server.restart()
for (const [i, room] of rooms.entries()) {
  const again = await room
    .reread()
    .catch((e: Error) => ({ pending: true, fingerprint: e.message, violations: [] }))
  if (again.pending)
    problems.push(
      `room ${i + 1} after restart: pending state or not loadable (${again.fingerprint.slice(0, 80)})`,
    )
  problems.push(...again.violations.map((v) => `room ${i + 1} after restart: ${v}`))
}
await server.stop()

const total = (key: 'refusals' | 'closes' | 'reconnects' | 'honestEdits') =>
  rooms.reduce((n, r) => n + r.counts[key], 0)
const codes: Record<string, number> = {}
for (const r of rooms)
  for (const [c, k] of Object.entries(r.counts.closeCodes)) codes[c] = (codes[c] ?? 0) + k
const seconds = (Date.now() - started) / 1000
console.log('')
console.log(
  `frames sent        ${sent} in ${rooms.length} rooms (${Math.round(sent / seconds)}/s over ${Math.round(seconds)} s)`,
)
console.log(`refusals           ${total('refusals')}`)
console.log(`closes             ${total('closes')} ${JSON.stringify(codes)}`)
console.log(`reconnects         ${total('reconnects')}`)
console.log(`honest edits       ${total('honestEdits')} in the fuzzed rooms`)
console.log(
  `honest room        p50 ${ms(percentile(honest.latencies, 50))}, p99 ${ms(percentile(honest.latencies, 99))} ` +
    `(${honest.latencies.length} edits, ${honest.lost} lost)`,
)
console.log(`process alive      ${alive ? 'yes' : 'NO'}`)
console.log(`problems           ${problems.length === 0 ? 'none' : problems.length}`)
// The same problem repeats (a broken client throws at every reconnect): each once, with a count.
const distinct = new Map<string, number>()
for (const p of problems) distinct.set(p, (distinct.get(p) ?? 0) + 1)
for (const [p, n] of [...distinct].slice(0, 50)) console.log(`  ${n > 1 ? `${n}x ` : ''}${p}`)
process.exit(alive && problems.length === 0 ? 0 : 1)

/** The honest room: a meeting whose facilitator edits a note that a participant receives. */
async function startHonestRoom() {
  const meeting = await meetingIn(server.url, 'roddelmethode', 'roddelen', { Lena: 'deelnemer' })
  const child = fork(path.join(import.meta.dirname, 'fuzzLatency.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const messages: unknown[] = []
  child.on('message', (m) => messages.push(m))
  child.send({
    url: server.url,
    roomId: meeting.roomId,
    writer: meeting.people.begeleider!,
    reader: meeting.people.Lena!,
    intervalMs: 50,
  })
  await until(() => messages.length > 0, 20_000)
  return {
    kill: () => child.kill(),
    async stop(): Promise<{ latencies: number[]; lost: number }> {
      child.send('stop')
      await until(() => messages.length > 1, 10_000)
      child.kill()
      return (messages[1] as { latencies: number[]; lost: number }) ?? { latencies: [], lost: -1 }
    },
  }
}

async function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!predicate() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
}

function wholeNumber(name: string, value: string | undefined): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`)
  return n
}

function ms(value: number): string {
  return Number.isNaN(value) ? '-' : `${value.toFixed(1)} ms`
}
