import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RedisCluster } from '../../server/src/cluster/redisCluster'
import { PgRoomStore } from '../../server/src/storage/pgRoomStore'
import { openPostgres } from '../../server/src/storage/postgres'
import { type Cluster, DATABASE_URL, REDIS_URL, startCluster } from './cluster'

/** The shared pieces on their own, on the real services: the Postgres log and the Redis lease. */

let cluster: Cluster
let store: PgRoomStore
let close: () => Promise<void>

beforeAll(async () => {
  cluster = await startCluster(0)
  const pool = await openPostgres({ url: DATABASE_URL, schema: cluster.schema })
  store = new PgRoomStore(pool)
  close = () => pool.end()
})
afterAll(async () => {
  await close?.()
  await cluster?.stop()
})

function update(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getArray('tl_records').push([{ key: 'shape:a', val: { text } }])
  return Y.encodeStateAsUpdate(doc)
}

it('numbers a room log without gaps, compacts by sequence number and keeps what came after', async () => {
  await store.load('shared-room-1')
  const first = (await store.append('shared-room-1', [update('a'), update('b')]))!
  const second = (await store.append('shared-room-1', [update('c')]))!
  expect([...first, ...second]).toEqual([1, 2, 3])
  await store.compact('shared-room-1', update('ab'), 2, 'x')
  const stored = await store.load('shared-room-1')
  expect(stored.snapshotSeq).toBe(2)
  expect(stored.updates.map((u) => u.seq)).toEqual([3])
  // An instance that fell behind at seq 1 gets the snapshot and what follows it.
  const since = await store.loadSince('shared-room-1', 1)
  expect(since.snapshot).not.toBeNull()
  expect(since.updates.map((u) => u.seq)).toEqual([3])
  // A snapshot covering less never replaces one covering more.
  await store.compact('shared-room-1', update('old'), 1, 'x')
  expect((await store.load('shared-room-1')).snapshotSeq).toBe(2)
})

it('takes no append for a room that storage does not have (erased, or a meeting never made)', async () => {
  await store.load('shared-room-2')
  expect(await store.append('shared-room-2', [update('x')])).toEqual([1])
  await store.erase('shared-room-2')
  expect(await store.append('shared-room-2', [update('late')])).toBeNull()
  const stored = await store.load('shared-room-2', { create: false })
  expect(stored.snapshot).toBeNull()
  expect(stored.updates).toEqual([])
})

it('lets one instance at a time hold a room compaction lease', async () => {
  const one = await RedisCluster.connect({ url: REDIS_URL, prefix: cluster.prefix })
  const two = await RedisCluster.connect({ url: REDIS_URL, prefix: cluster.prefix })
  try {
    let release!: () => void
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let entered!: () => void
    const inside = new Promise<void>((resolve) => {
      entered = resolve
    })
    const first = one.withCompactionLease('shared-room-3', async () => {
      entered()
      await held
    })
    await inside
    expect(await two.withCompactionLease('shared-room-3', async () => {})).toBe(false)
    release()
    expect(await first).toBe(true)
    // Released: the other may take it now.
    expect(await two.withCompactionLease('shared-room-3', async () => {})).toBe(true)
  } finally {
    await one.close()
    await two.close()
  }
})
