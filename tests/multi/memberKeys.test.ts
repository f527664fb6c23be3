import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { checkMemberKeys } from '../helpers/memberKeys'
import { DATABASE_URL } from './cluster'

/** tests/server/memberKeys.test.ts on Postgres, in a schema of its own. */
const schema = `member_keys_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 })
db.on('error', () => {})
let server: TestServer | undefined

afterAll(async () => {
  await server?.stop()
  server?.cleanup()
  await db.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_keys CASCADE`).catch(() => {})
  await db.end()
})

it("hands a member's wrapped meeting key only to that member; the server never holds the key (Postgres)", async () => {
  server = await startTestServer({ log: () => {}, env: { DATABASE_URL, DATABASE_SCHEMA: schema } })
  // Every table of the schema, as text: what the operator's database holds.
  const stored = async (text: string) => {
    const tables = await db.query(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
      [schema],
    )
    for (const { table_name } of tables.rows) {
      const hit = await db.query(
        `SELECT 1 FROM ${schema}.${table_name} t WHERE position($1 in t::text) > 0 LIMIT 1`,
        [text],
      )
      if (hit.rowCount) return true
    }
    return false
  }
  await checkMemberKeys(server.url, stored)
}, 30_000)
