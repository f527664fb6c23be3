import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import pg from 'pg'
import { type RunningServer, startServer } from './servers'
import type { Target } from './targets'

/** Postgres and Redis for our several-instances column (the ones the multi-instance tests use here). */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const BENCH_REDIS_URL =
  process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** The server of a column: one process, or for `instances: 2` a pair sharing Postgres and Redis. */
export async function startTarget(target: Target, spread: Spread = 'room'): Promise<RunningServer> {
  return target.instances && target.instances > 1
    ? startInstances(target.instances, spread)
    : startServer(target.kind)
}

/**
 * How connections find an instance: `room`, as the documented proxy does (a hash of the room path,
 * so a room's people share an instance and the rooms spread over both); `connection`, alternating
 * as a balancer without affinity would, so every room has people on both and every update and
 * cursor crosses Redis (the costlier case).
 */
export type Spread = 'room' | 'connection'

/**
 * Our server as several instances on one machine, as docs/operating.md "several instances" runs
 * them: each its own process and port, one fresh Postgres schema and Redis prefix for this start
 * (dropped at stop). Connections go to an instance as `spread` says.
 */
export async function startInstances(count: number, spread: Spread): Promise<RunningServer> {
  const tag = randomBytes(6).toString('hex')
  const env = {
    DATABASE_URL: BENCH_DATABASE_URL,
    DATABASE_SCHEMA: `bench_${tag}`,
    REDIS_URL: BENCH_REDIS_URL,
    REDIS_PREFIX: `bench-${tag}:`,
  }
  const instances: RunningServer[] = []
  try {
    // One after the other: the first makes the tables.
    for (let i = 0; i < count; i++) instances.push(await startServer('ours', { env }))
  } catch (error) {
    await Promise.all(instances.map((s) => s.stop()))
    await dropShared(env.DATABASE_SCHEMA, env.REDIS_PREFIX)
    throw error
  }
  const first = instances[0]!
  let next = 0
  return {
    ...first,
    pids: instances.map((s) => s.pid),
    endpoint: (room, token) => {
      const i = spread === 'room' ? roomHash(room) : next++
      return instances[i % instances.length]!.endpoint(room, token)
    },
    memory: () => Promise.reject(new Error('memory is read from single instances only')),
    output: () => instances.map((s, i) => `[instance ${i + 1}]\n${s.output()}`).join('\n'),
    async stop() {
      await Promise.all(instances.map((s) => s.stop()))
      await dropShared(env.DATABASE_SCHEMA, env.REDIS_PREFIX)
    },
  }
}

/** A stable hash of a room name (FNV-1a), as a proxy's hash on the path spreads rooms. */
function roomHash(room: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < room.length; i++) h = Math.imul(h ^ room.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** Removes a bench start's schema and Redis keys. */
async function dropShared(schema: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL })
  try {
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  } catch {
    // nothing to drop, or Postgres gone: the schema name is unique to this start anyway
  } finally {
    await client.end().catch(() => {})
  }
  const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    let cursor = '0'
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
      if (keys.length > 0) await redis.del(...keys)
      cursor = nextCursor
    } while (cursor !== '0')
  } catch {
    // leases expire by themselves
  } finally {
    redis.disconnect()
  }
}
