import { parseArgs } from 'node:util'
import type { BenchOptions } from './context'
import { TARGETS, type TargetName } from './targets'

export const USAGE = `npm run bench -- [options]
  BENCH_SECONDS=n      fan-out window per client count (default 3 s; the storm is twice that)
  --storm-seconds n    presence storm window (default 2 × BENCH_SECONDS; the issue's figure is 60)
  --full               the issue's lengths: a 60 s storm, the whole capacity ramp (to 4,000 rooms, 10 s a step),
                       2,000 idle connections and 200 active rooms for memory (an hour or more)
  --only 1,2,4         scenarios to run (1 fan-out, 2 storm, 3 capacity, 4 memory, 5 join, 6 wire, 7 durability, 8 client)
  --targets a,b        columns: ours, ours-meeting, ours-pair, y-websocket, hocuspocus (default all; ours-pair is
                       two instances of ours on Postgres + Redis, BENCH_DATABASE_URL / BENCH_REDIS_URL, capacity only)
  --spread room|connection  ours-pair: a room's connections on one instance (hash of the room, as the documented
                       proxy does; default) or alternating between the two (every update crosses Redis)
  --reps n             repetitions of every column, interleaved (ours, peer A, peer B, ours, ...; default 3):
                       the table shows each figure's median and its min–max
  --moves n            moves before the stored growth is read (default 10000)
  --no-store-env K=V   environment that runs our server without storage: scenario 7 then compares two real
                       runs (without it, storage's share is read from a CPU profile of a storm window)
  --ours-at REF        run our server from a git commit (e.g. HEAD) instead of the working tree
  --ours-dir DIR       run our server from another checkout (say a copy with a proposed change)
  --rebuild            build the tldraw-only page again
  --guard-cost         also time the guard's check per update in-process (the earlier micro-benchmark)`

/** Reads the options; throws with the usage on a bad one. */
export function readOptions(argv = process.argv.slice(2)): BenchOptions & { guardCost: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      'storm-seconds': { type: 'string' },
      full: { type: 'boolean', default: false },
      only: { type: 'string' },
      targets: { type: 'string' },
      moves: { type: 'string', default: '10000' },
      reps: { type: 'string', default: '3' },
      spread: { type: 'string', default: 'room' },
      'no-store-env': { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      'ours-at': { type: 'string' },
      'ours-dir': { type: 'string' },
      'guard-cost': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const seconds = positive('BENCH_SECONDS', process.env.BENCH_SECONDS ?? '3')
  const full = values.full ?? false
  const stormSeconds = positive('--storm-seconds', values['storm-seconds'] ?? String(full ? 60 : 2 * seconds))
  const scenarios = new Set(
    (values.only ?? '1,2,3,4,5,6,7,8').split(',').map((s) => {
      const n = Number(s.trim())
      if (!Number.isInteger(n) || n < 1 || n > 8)
        throw new Error(`--only takes scenario numbers 1 to 8\n${USAGE}`)
      return n
    }),
  )
  const targets = (values.targets ?? 'ours,ours-meeting,ours-pair,y-websocket,hocuspocus')
    .split(',')
    .map((t) => {
      const name = t.trim() as TargetName
      if (!(name in TARGETS)) throw new Error(`unknown target "${t}"\n${USAGE}`)
      return name
    })
  let noStoreEnv: Record<string, string> | null = null
  if (values['no-store-env']) {
    const [key, ...rest] = values['no-store-env'].split('=')
    if (!key || rest.length === 0) throw new Error(`--no-store-env takes KEY=VALUE\n${USAGE}`)
    noStoreEnv = { [key]: rest.join('=') }
  }
  return {
    seconds,
    stormSeconds,
    full,
    moves: positive('--moves', values.moves ?? '10000'),
    spread: spreadOf(values.spread ?? 'room'),
    repetitions: Math.round(positive('--reps', values.reps ?? '3')),
    idleConnections: full ? 2000 : 500,
    activeRooms: full ? 200 : 50,
    scenarios,
    targets,
    noStoreEnv,
    rebuild: values.rebuild ?? false,
    oursAt: values['ours-at'] ?? null,
    oursDir: values['ours-dir'] ?? null,
    guardCost: values['guard-cost'] ?? false,
  }
}

function positive(name: string, raw: string): number {
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"\n${USAGE}`)
  return n
}

function spreadOf(raw: string): 'room' | 'connection' {
  if (raw === 'room' || raw === 'connection') return raw
  throw new Error(`--spread takes room or connection, got "${raw}"\n${USAGE}`)
}
