import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import pg from 'pg'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'
import { pgKey, readableInPostgres } from '../helpers/throughKeys'

/** Where the real services are: env TEST_DATABASE_URL / TEST_REDIS_URL, or this machine's. */
export const DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'

/**
 * Several instances on the real Postgres and Redis, each test file in a schema and key prefix of
 * its own. Fails loudly, naming the URL, when a service cannot be reached: never a silent skip.
 */
export interface Cluster {
  schema: string
  prefix: string
  db: pg.Pool
  instances: ServerProcess[]
  /** Starts one more instance; `env` replaces settings (a Redis behind a proxy, say). */
  start(env?: Record<string, string>): Promise<ServerProcess>
  stop(): Promise<void>
}

export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const schema = `multi_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const prefix = `test:${schema}:`
  const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2, connectionTimeoutMillis: 5000 })
  db.on('error', () => {})
  try {
    await db.query('SELECT 1')
  } catch (error) {
    await db.end().catch(() => {})
    throw new Error(`Postgres is not reachable at ${DATABASE_URL}: ${(error as Error).message}`)
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 5000, retryStrategy: () => null })
  redis.on('error', () => {})
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    await db.end().catch(() => {})
    throw new Error(`Redis is not reachable at ${REDIS_URL}: ${(error as Error).message}`)
  } finally {
    redis.disconnect()
  }
  const instances: ServerProcess[] = []
  const cluster: Cluster = {
    schema,
    prefix,
    db,
    instances,
    async start(env = {}) {
      const instance = await startServerProcess({
        env: {
          DATABASE_URL,
          DATABASE_SCHEMA: schema,
          REDIS_URL,
          REDIS_PREFIX: prefix,
          ROOM_IDLE_MS: '2000',
          ...env,
        },
      })
      instances.push(instance)
      return instance
    },
    async stop() {
      await Promise.all(instances.map((i) => i.stop()))
      await db.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_keys CASCADE`).catch(() => {})
      await db.end()
    },
  }
  for (let i = 0; i < count; i++) await cluster.start(env)
  return cluster
}

/** Every byte Postgres holds in the cluster's tables (room logs, snapshots, meetings, names). */
export async function storedBytes(cluster: Cluster): Promise<Buffer> {
  const chunks: Buffer[] = []
  for (const table of ['room_update', 'room_snapshot', 'room_head', 'meeting', 'participant']) {
    const { rows } = await cluster.db.query(`SELECT * FROM ${cluster.schema}.${table}`)
    for (const row of rows) {
      for (const value of Object.values(row)) {
        chunks.push(Buffer.isBuffer(value) ? value : Buffer.from(String(value)))
      }
    }
  }
  return Buffer.concat(chunks)
}

/** The room's content decrypted with the cluster's key store (what its servers can read). */
export function readableIn(cluster: Cluster, roomId: string): Promise<Buffer> {
  return readableInPostgres(cluster.db, cluster.schema, roomId)
}

/** Whether the cluster's key store (schema `<schema>_keys`) still holds the room's key. */
export async function hasKey(cluster: Cluster, roomId: string): Promise<boolean> {
  return (await pgKey(cluster.db, cluster.schema, roomId)) !== null
}
