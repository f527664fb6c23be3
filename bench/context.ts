import type { RunningServer } from './servers'
import type { Target, TargetName } from './targets'
import type { WorkerPool } from './workerPool'

/** The run's settings, from BENCH_SECONDS and the command line (see options.ts). */
export interface BenchOptions {
  /** Measuring window of each fan-out run (2 and 10 clients). */
  seconds: number
  /** Window of the presence storm (the 50-client fan-out run). */
  stormSeconds: number
  /** The whole capacity ramp (else a quick one). */
  full: boolean
  /** Runs of every column, interleaved; the table shows medians and min–max. */
  repetitions: number
  /** How the ours-pair column sends connections to its instances (see cluster.ts). */
  spread: 'room' | 'connection'
  /** Moves before the stored growth is read. */
  moves: number
  /** Idle connections for the memory figure. */
  idleConnections: number
  /** Rooms for the per-room memory figure. */
  activeRooms: number
  /** Scenarios to run (1 to 8). */
  scenarios: Set<number>
  targets: TargetName[]
  /** Environment that turns our storage off, if the server has such a switch (scenario 7). */
  noStoreEnv: Record<string, string> | null
  /** Rebuild the client bundles even if a build is cached. */
  rebuild: boolean
  /** A git commit to run our server from instead of the working tree. */
  oursAt: string | null
  /** Another checkout to run our server from. */
  oursDir: string | null
}

/** What a scenario gets: the options, the worker pool, and the server under test. */
export interface ScenarioContext {
  options: BenchOptions
  pool: WorkerPool
  server: RunningServer
  target: Target
  log(line: string): void
}

/** Figures by metric id, then by column. */
export type Measurements = Record<string, Partial<Record<TargetName, number | null>>>

/** What a scenario found: figures, and sentences for the notes under the table. */
export interface ScenarioResult {
  figures: Record<string, number | null>
  notes: string[]
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
