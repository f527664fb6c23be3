import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { ENCRYPTED_LEFTOVERS } from '../../server/src/storage/encryptedLeftovers'
import { openStorage, type Storage } from '../../server/src/storage/openStorage'
import type { PostgresSettings } from '../../server/src/storage/postgres'
import { makeTempDir } from '../helpers/tempDir'
import { DATABASE_URL } from '../multi/cluster'

/**
 * Turning encryption at rest off (ENCRYPT_AT_REST=0) over data stored encrypted would serve
 * ciphertext as boards and names: the storage refuses to open, and opens over data in the clear.
 */
async function writeRoom(s: Storage, roomId: string): Promise<void> {
  await s.rooms.load(roomId)
  await s.rooms.append(roomId, [new Uint8Array([1, 2, 3, 4, 5])])
  await s.close()
}

const backends: Array<[string, () => PostgresSettings | null]> = [
  ['SQLite', () => null],
  ['Postgres', () => ({ url: DATABASE_URL, schema: `leftovers_${randomBytes(4).toString('hex')}` })],
]

describe.each(backends)('%s', (_name, settings) => {
  const temps: Array<ReturnType<typeof makeTempDir>> = []
  const schemas: string[] = []
  afterAll(async () => {
    for (const temp of temps) temp.cleanup()
    if (schemas.length === 0) return
    const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 })
    for (const schema of schemas) await db.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_keys CASCADE`)
    await db.end()
  })
  const place = (): { dataDir: string; postgres: PostgresSettings | null } => {
    const temp = makeTempDir()
    temps.push(temp)
    const postgres = settings()
    if (postgres) schemas.push(postgres.schema)
    return { dataDir: temp.dir, postgres }
  }

  it('refuses to open in the clear over a board stored encrypted', async () => {
    const at = place()
    await writeRoom(await openStorage({ ...at, keys: { enabled: true } }), 'leftoverroom')
    await expect(openStorage({ ...at, keys: { enabled: false } })).rejects.toThrow(ENCRYPTED_LEFTOVERS)
    // On again, it reads what it wrote.
    const again = await openStorage({ ...at, keys: { enabled: true } })
    expect((await again.rooms.load('leftoverroom')).updates.map((u) => [...u.data])).toEqual([
      [1, 2, 3, 4, 5],
    ])
    await again.close()
  })

  it('opens in the clear over data stored in the clear', async () => {
    const at = place()
    await writeRoom(await openStorage({ ...at, keys: { enabled: false } }), 'plainroom')
    const again = await openStorage({ ...at, keys: { enabled: false } })
    expect((await again.rooms.load('plainroom')).updates).toHaveLength(1)
    await again.close()
  })
})
