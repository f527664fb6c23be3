import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { TEST_SERVER_ENV } from './testServerEnv'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** The real server in a child process of its own (one process: node with tsx as loader). */
export interface ServerProcess {
  port: number
  /** `http://127.0.0.1:<port>` */
  url: string
  dataDir: string
  child: ChildProcess
  /** Everything the server printed so far (for failure messages). */
  output(): string
  /** SIGTERM and wait for exit; removes the data dir unless asked to keep it. */
  stop(options?: { keepData?: boolean }): Promise<void>
  /** SIGKILL: no shutdown handler runs. Keeps the data dir. */
  kill9(): Promise<void>
}

export interface StartOptions {
  /** A fixed port (to restart where clients expect it); default a free one. */
  port?: number
  /** An existing data dir (to restart on the same data); default a fresh temp dir. */
  dataDir?: string
  env?: Record<string, string>
  /** Node's arguments that start the server; default the sources through tsx. */
  entry?: string[]
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/**
 * Starts `node --import tsx server/src/index.ts` (not the tsx CLI, which runs the server in a
 * second process that a SIGKILL would not reach) and waits for GET /api/health.
 * The built client (dist/client) is served if it exists.
 */
export async function startServerProcess(options: StartOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'intervisiebord-proc-'))
  const entry = options.entry ?? ['--import', 'tsx', 'server/src/index.ts']
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      ...TEST_SERVER_ENV,
      ...options.env,
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d) => {
    out += d
  })
  child.stderr?.on('data', (d) => {
    out += d
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const proc: ServerProcess = {
    port,
    url,
    dataDir,
    child,
    output: () => out,
    async stop(stopOptions) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref())
        if ((await Promise.race([exited, timeout])) === 'timeout') {
          child.kill('SIGKILL')
          await exited
        }
      }
      if (!stopOptions?.keepData) rmSync(dataDir, { recursive: true, force: true })
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return proc
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.stop()
      throw new Error(`server did not start in 30 s:\n${out}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
