import { rmSync } from 'node:fs'
import { startTestServer, type TestServer } from './inProcessServer'
import { type ServerProcess, startServerProcess } from './serverProcess'

/**
 * The real server behind one interface, in a child process (a crash fails the test, not the
 * runner) or in this process (restarts in a fraction of the time), so hostile tests can ask the
 * same questions of both: is it alive, and does it come back on the same data.
 */
export interface BoardServer {
  /** `http://127.0.0.1:<port>`; an in-process server gets a new port at each restart. */
  readonly url: string
  readonly dataDir: string
  /** GET /api/health answers 200. */
  alive(): Promise<boolean>
  /** Stops gracefully (rooms compact and unload) and starts again on the same data dir. */
  restart(): Promise<void>
  /** Stops and removes the data dir. */
  stop(): Promise<void>
  /** What the server logged so far (for failure messages). */
  output(): string
}

/** Empty rooms unload (compact and leave memory) after this long, so tests see unload and reload. */
const IDLE_MS = '200'

/** The server in a child process; `env` adds settings (for example LIMIT_* for a fuzz run). */
export async function childServer(env: Record<string, string> = {}): Promise<BoardServer> {
  const settings = { ROOM_IDLE_MS: IDLE_MS, ...env }
  let proc: ServerProcess = await startServerProcess({ env: settings })
  let earlier = ''
  return {
    get url() {
      return proc.url
    },
    get dataDir() {
      return proc.dataDir
    },
    alive: () => isHealthy(proc.url),
    async restart() {
      earlier += proc.output()
      await proc.stop({ keepData: true })
      proc = await startServerProcess({
        dataDir: proc.dataDir,
        port: proc.port,
        env: { ROOM_IDLE_MS: IDLE_MS },
      })
    },
    stop: () => proc.stop(),
    output: () => earlier + proc.output(),
  }
}

export async function inProcessServer(): Promise<BoardServer> {
  const lines: string[] = []
  const log = (line: string, fields?: Record<string, unknown>) => {
    lines.push(`${line} ${JSON.stringify(fields ?? {})}`)
  }
  let server: TestServer = await startTestServer({ log, env: { ROOM_IDLE_MS: IDLE_MS } })
  const dataDir = server.dataDir
  return {
    get url() {
      return server.url
    },
    dataDir,
    alive: () => isHealthy(server.url),
    async restart() {
      await server.stop()
      server = await startTestServer({ dataDir, log, env: { ROOM_IDLE_MS: IDLE_MS } })
    },
    async stop() {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
    output: () => lines.join('\n'),
  }
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) })
    return res.ok
  } catch {
    return false
  }
}
