import path from 'node:path'
import { readConfig } from '../../server/src/config'
import { type Log, type RunningServer, startServer } from '../../server/src/server'
import { makeTempDir } from './tempDir'
import { TEST_SERVER_ENV } from './testServerEnv'

export interface TestServer extends RunningServer {
  url: string
  dataDir: string
  /** Stops the server; the data dir stays until cleanup. */
  stop(): Promise<void>
  cleanup(): void
}

/** The real server in this process, on a free port, with its own data dir. */
export async function startTestServer(
  overrides: { dataDir?: string; env?: Record<string, string>; log?: Log; now?: () => number } = {},
): Promise<TestServer> {
  const temp = overrides.dataDir ? null : makeTempDir()
  const dataDir = overrides.dataDir ?? temp!.dir
  const config = {
    ...readConfig({ ...TEST_SERVER_ENV, ...overrides.env, DATA_DIR: dataDir }),
    port: 0,
    host: '127.0.0.1',
    roomIdleMs: Number(overrides.env?.ROOM_IDLE_MS ?? 200),
  }
  const server = await startServer(config, overrides.log, { now: overrides.now })
  return {
    ...server,
    url: `http://127.0.0.1:${server.port}`,
    dataDir,
    stop: () => server.close(),
    cleanup: () => temp?.cleanup(),
  }
}

export const DB_FILE = (dataDir: string) => path.join(dataDir, 'intervisiebord.sqlite')
