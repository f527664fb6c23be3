import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { roomProtocols } from '../shared/roomHandshake'
import { freePort } from '../tests/helpers/serverProcess'
import type { Endpoint } from './connection'
import type { Framing } from './wire'

const ROOT = path.resolve(import.meta.dirname, '..')
const PRELOAD = path.join(ROOT, 'bench/peers/benchPreload.mjs')

/** Where our server's code is run from: this tree, or a snapshot of a commit (see runOursFrom). */
let oursRoot = ROOT
let oursCommit: string | null = null

/**
 * Runs our server from a commit instead of the working tree (`--ours-at HEAD`): its server/,
 * templates/, package.json and tsconfig.json exported to a temp dir that shares node_modules.
 * For measuring a known state while the tree holds someone's unfinished work.
 */
export function runOursFrom(ref: string): string {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim()
  const dir = path.join(os.tmpdir(), `bench-ours-at-${commit.slice(0, 12)}`)
  if (!existsSync(path.join(dir, 'server/src/index.ts'))) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const paths = ['server', 'templates', 'package.json', 'tsconfig.json']
    // The server's production build, in commits that have one (see oursEntry).
    const hasBuild = (file: string) => {
      try {
        execFileSync('git', ['cat-file', '-e', `${commit}:${file}`], { cwd: ROOT, stdio: 'ignore' })
        return true
      } catch {
        return false
      }
    }
    if (hasBuild('vite.server.config.ts')) paths.push('vite.server.config.ts')
    const tar = execFileSync('git', ['archive', '--format=tar', commit, ...paths], {
      cwd: ROOT,
      maxBuffer: 1 << 30,
    })
    execFileSync('tar', ['-x', '-C', dir], { input: tar })
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  }
  oursRoot = dir
  oursCommit = commit
  return commit
}

/**
 * Runs our server from another checkout (`--ours-dir`): a directory with server/ and templates/,
 * say a copy with a proposed change, to measure it beside the peers without touching this tree.
 */
export function runOursIn(dir: string): void {
  const root = path.resolve(dir)
  if (!existsSync(path.join(root, 'server/src/index.ts')))
    throw new Error(`${root} has no server/src/index.ts`)
  if (!existsSync(path.join(root, 'node_modules')))
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'))
  oursRoot = root
}

/** The commit our server runs from, or null for the working tree. */
export const oursSource = (): string | null => oursCommit

/** The servers the bench can start, each in a child process of its own on its own port. */
export type ServerKind = 'ours' | 'y-websocket' | 'hocuspocus'

export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'ours',
  'y-websocket': 'y-websocket 1.5.4 (Yjs 13, reference server)',
  hocuspocus: 'Hocuspocus 4.7',
}

/**
 * Our server's settings for the bench: every client comes from 127.0.0.1, so the per-address
 * limits (50 connections, 32 unfinished handshakes, 20 new boards at once) and the rooms limit
 * (2,000) would stop a capacity ramp before the server does, and the storm's meeting holds 52
 * people. Everything else (message rates,
 * presence limits, the guard) keeps its default.
 */
export const OURS_BENCH_ENV: Record<string, string> = {
  LIMIT_CONNECTIONS_PER_ADDRESS: '1000000',
  LIMIT_ROOMS: '1000000',
  LIMIT_UNAUTHENTICATED_SOCKETS: '4096',
  LIMIT_UNFINISHED_PER_ADDRESS: '4096',
  LIMIT_CREATE_BURST: '1000000',
  // The storm's meeting: the facilitator, a verifier and 50 clients (the default allows 50 people).
  LIMIT_PARTICIPANTS_PER_MEETING: '64',
}

/** A memory reading taken inside the server right after a full GC (see peers/benchPreload.mjs). */
export interface MemoryUsage {
  rss: number
  heapUsed: number
  external: number
  arrayBuffers: number
}

/** Samples of a CPU profile of the server's main thread (see peers/benchPreload.mjs). */
export interface ProfileCounts {
  samples: number
  idle: number
  gc: number
  /** Samples with a frame from a script whose URL matched, anywhere on the stack. */
  matched: number
}

export interface RunningServer {
  kind: ServerKind
  port: number
  pid: number
  /** Every process of the server (several for our instances sharing Postgres and Redis). */
  pids: number[]
  /** http://127.0.0.1:<port> */
  base: string
  framing: Framing
  /** Our server's data dir (null for the peers, which run without storage). */
  dataDir: string | null
  endpoint(room: string, token?: string): Endpoint
  /** Full GC in the server, then its memory usage. */
  memory(): Promise<MemoryUsage>
  /** Starts V8's sampling profiler in the server. */
  profileStart(): void
  /** Stops it: how many samples fell under code from a script whose URL matches `urlPattern`. */
  profileStop(urlPattern: string): Promise<ProfileCounts>
  output(): string
  stop(options?: { keepData?: boolean }): Promise<void>
}

export interface StartOptions {
  port?: number
  dataDir?: string
  env?: Record<string, string>
}

/** Our server as `npm start` runs it, built once per bench run and tree (null: run the sources). */
const builtOurs = new Map<string, string | null>()

/**
 * What node runs for our server: the compiled build (dist/server/index.js, plain JavaScript, no
 * tsx), built here from the tree being measured with its vite.server.config.ts; a commit from
 * before the production build has none, and then tsx runs its sources as `npm start` did then.
 */
export function oursEntry(root = oursRoot): string[] {
  if (!builtOurs.has(root)) {
    const config = path.join(root, 'vite.server.config.ts')
    if (!existsSync(config)) builtOurs.set(root, null)
    else {
      const outDir = path.join(root, 'dist/server')
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', config, '--outDir', outDir],
        { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 },
      )
      builtOurs.set(root, path.join(outDir, 'index.js'))
    }
  }
  const entry = builtOurs.get(root)
  return entry
    ? ['--import', PRELOAD, entry]
    : ['--import', 'tsx', '--import', PRELOAD, 'server/src/index.ts']
}

function command(kind: ServerKind): { args: string[]; probe: string } {
  const node = ['--expose-gc', '--import', PRELOAD]
  switch (kind) {
    case 'ours':
      return { args: ['--expose-gc', ...oursEntry()], probe: '/api/health' }
    case 'y-websocket':
      return { args: [...node, 'node_modules/y-websocket-ref/bin/server.js'], probe: '/' }
    case 'hocuspocus':
      return { args: [...node, 'bench/peers/hocuspocusServer.mjs'], probe: '/' }
  }
}

export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort())
  const dataDir =
    kind === 'ours' ? (options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'bench-ours-'))) : null
  const { args, probe } = command(kind)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(kind === 'ours' ? OURS_BENCH_ENV : {}),
    ...options.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    BENCH_CONTROL: '1',
  }
  // y-websocket 1.5 keeps rooms in memory unless YPERSISTENCE is set (even to ''): keep it unset.
  delete env.YPERSISTENCE
  // Ours on its default storage (SQLite, one instance) unless a run asks otherwise.
  for (const key of ['DATABASE_URL', 'REDIS_URL']) if (options.env?.[key] === undefined) delete env[key]
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: kind === 'ours' ? oursRoot : ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.stdin?.on('error', () => {})
  let out = ''
  // Answers of the preload, one line each: `bench-mem {...}`, `bench-profile {...}`.
  const waiters = new Map<string, Array<(value: unknown) => void>>()
  const answer = <T>(kind: string, ask: () => void): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${kind} answer from the server in 20 s`)), 20_000)
      const list = waiters.get(kind) ?? []
      list.push((value) => {
        clearTimeout(timer)
        resolve(value as T)
      })
      waiters.set(kind, list)
      ask()
    })
  let pending = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString()
    let nl = pending.indexOf('\n')
    while (nl !== -1) {
      const line = pending.slice(0, nl)
      pending = pending.slice(nl + 1)
      const kind = /^bench-(mem|profile) /.exec(line)?.[1]
      if (kind) {
        const value: unknown = JSON.parse(line.slice(line.indexOf(' ') + 1))
        const list = waiters.get(kind) ?? []
        waiters.delete(kind)
        for (const w of list) w(value)
      } else if (out.length < 200_000) out += `${line}\n`
      nl = pending.indexOf('\n')
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    if (out.length < 200_000) out += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const base = `http://127.0.0.1:${port}`
  const framing: Framing = kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket'
  const server: RunningServer = {
    kind,
    port,
    pid: child.pid!,
    pids: [child.pid!],
    base,
    framing,
    dataDir,
    endpoint(room, token) {
      const ws = base.replace(/^http/, 'ws')
      if (kind === 'ours')
        return { url: `${ws}/yjs/${room}`, protocols: roomProtocols(token), framing, docName: room }
      if (kind === 'y-websocket') return { url: `${ws}/${room}`, protocols: [], framing, docName: room }
      return { url: `${ws}/`, protocols: [], framing, docName: room }
    },
    memory: () => answer<MemoryUsage>('mem', () => child.kill('SIGUSR2')),
    profileStart: () => {
      child.stdin?.write('profile-start\n')
    },
    profileStop: (urlPattern) =>
      answer<ProfileCounts>('profile', () => child.stdin?.write(`profile-stop ${urlPattern}\n`)),
    output: () => out,
    async stop(stopOptions) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref())
        if ((await Promise.race([exited, timeout])) === 'timeout') {
          child.kill('SIGKILL')
          await exited
        }
      }
      if (dataDir && !stopOptions?.keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited at start:\n${out.slice(-3000)}`)
    try {
      const res = await fetch(`${base}${probe}`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return server
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop()
      throw new Error(`${kind} server did not answer in 60 s:\n${out.slice(-3000)}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
