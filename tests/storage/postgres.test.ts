import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openStorage } from '../../server/src/storage/openStorage'
import { DATABASE_URL } from '../multi/cluster'
import { storageContract } from './contract'

/**
 * The contract on the real Postgres (TEST_DATABASE_URL, else this machine's, as tests/multi), in a
 * schema of this run's own. A database that cannot be reached fails every test, naming the URL:
 * never a quiet skip, since a Postgres store nobody ran is no tested store.
 */
for (const encrypted of [false, true]) {
  const schema = `contract_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  storageContract(`Postgres (a fresh schema${encrypted ? ', encrypted at rest' : ''})`, {
    async open() {
      try {
        return await openStorage({
          dataDir: '',
          postgres: { url: DATABASE_URL, schema },
          keys: { enabled: encrypted },
        })
      } catch (error) {
        throw new Error(
          `The Postgres storage contract needs a database: set TEST_DATABASE_URL (tried ${DATABASE_URL}). ${(error as Error).message}`,
        )
      }
    },
    async cleanup() {
      const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1, connectionTimeoutMillis: 5000 })
      db.on('error', () => {})
      for (const name of [schema, `${schema}_keys`])
        await db.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`).catch(() => {})
      await db.end()
    },
    refusesUnknownRooms: true,
  })
}
