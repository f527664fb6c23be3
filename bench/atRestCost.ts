/**
 * `npx tsx bench/atRestCost.ts`: what encryption at rest costs per stored update. Appends the
 * same typical updates (one per call, as a room's outbox stores a busy board's edits) to a room,
 * in the clear and encrypted (storage/encryptedRoomStore.ts), on SQLite and, when it can be
 * reached, Postgres (TEST_DATABASE_URL). Prints microseconds per update, median of five runs.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { encryptBytes, newKey } from '../server/src/storage/atRest'
import { openStorage, type Storage } from '../server/src/storage/openStorage'
import { makeTempDir } from '../tests/helpers/tempDir'

const UPDATES = Number(process.env.AT_REST_UPDATES ?? 2000)
/** About one edited sticky note: a Yjs update of a record change. */
const update = randomBytes(180)

async function perUpdate(storage: Storage): Promise<number> {
  const runs: number[] = []
  for (let run = 0; run < 5; run++) {
    const room = `bench${randomBytes(6).toString('hex')}`
    await storage.rooms.load(room)
    const started = process.hrtime.bigint()
    for (let i = 0; i < UPDATES; i++) await storage.rooms.append(room, [update])
    runs.push(Number(process.hrtime.bigint() - started) / 1000 / UPDATES)
  }
  return runs.sort((a, b) => a - b)[2]!
}

function cipherOnly(): number {
  const key = newKey()
  const started = process.hrtime.bigint()
  for (let i = 0; i < UPDATES * 10; i++) encryptBytes(key, 'm-room', update)
  return Number(process.hrtime.bigint() - started) / 1000 / (UPDATES * 10)
}

const rows: string[] = [`AES-256-GCM alone: ${cipherOnly().toFixed(1)} µs per ${update.length}-byte update`]
for (const encrypted of [false, true]) {
  const temp = makeTempDir()
  const s = await openStorage({ dataDir: temp.dir, postgres: null, keys: { enabled: encrypted } })
  rows.push(
    `SQLite ${encrypted ? 'encrypted' : 'in the clear'}: ${(await perUpdate(s)).toFixed(1)} µs per append`,
  )
  await s.close()
  temp.cleanup()
}
const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
for (const encrypted of [false, true]) {
  const schema = `bench_${randomBytes(4).toString('hex')}`
  try {
    const s = await openStorage({ dataDir: '', postgres: { url, schema }, keys: { enabled: encrypted } })
    rows.push(
      `Postgres ${encrypted ? 'encrypted' : 'in the clear'}: ${(await perUpdate(s)).toFixed(1)} µs per append`,
    )
    await s.close()
  } catch (error) {
    rows.push(`Postgres: not measured (${(error as Error).message})`)
  } finally {
    const db = new pg.Pool({ connectionString: url, max: 1 })
    db.on('error', () => {})
    for (const name of [schema, `${schema}_keys`])
      await db.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`).catch(() => {})
    await db.end()
  }
}
console.log(rows.join('\n'))
