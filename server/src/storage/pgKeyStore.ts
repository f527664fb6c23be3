import pg from 'pg'
import { newKey } from './atRest'
import type { KeyStore } from './keyStore'
import { redactUrl } from './postgres'

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * Keys in Postgres, shared by every instance: KEY_DATABASE_URL (a database of its own, best on
 * another server with its own backups), else the data's database in a schema of its own. Two
 * instances making a key at once both read back the one that won (the primary key decides).
 * Honest limits: Postgres writes the key into its WAL; a deleted key stays in WAL segments until
 * they are recycled (checkpoint_timeout, max_wal_size) and in every backup or WAL archive of the
 * key database as long as those are kept. Keep the key database's backups short-lived.
 */
export class PgKeyStore implements KeyStore {
  readonly describe: string

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
    schema: string,
  ) {
    this.describe = `postgres ${redactUrl(url)} schema ${schema}`
  }

  static async open(url: string, schema: string): Promise<PgKeyStore> {
    if (!SCHEMA_NAME.test(schema))
      throw new Error(`key schema must be lower-case letters, digits and _: "${schema}"`)
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 })
    pool.on('error', () => {})
    try {
      // Under an advisory lock: two instances starting together would both try to make the schema.
      await pool.query(`BEGIN;
        SELECT pg_advisory_xact_lock(hashtext('intervisiebord-keys:${schema}'));
        CREATE SCHEMA IF NOT EXISTS ${schema};
        CREATE TABLE IF NOT EXISTS data_key (scope TEXT PRIMARY KEY, key BYTEA NOT NULL);
        COMMIT;`)
    } catch (error) {
      await pool.end().catch(() => {})
      throw new Error(`the key store at ${redactUrl(url)} could not be opened: ${(error as Error).message}`)
    }
    return new PgKeyStore(pool, url, schema)
  }

  async key(scope: string, create: boolean): Promise<Buffer | null> {
    const { rows } = create
      ? await this.pool.query<{ key: Buffer }>(
          `WITH ins AS (INSERT INTO data_key (scope, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key)
           SELECT key FROM ins UNION ALL SELECT key FROM data_key WHERE scope = $1 LIMIT 1`,
          [scope, newKey()],
        )
      : await this.pool.query<{ key: Buffer }>('SELECT key FROM data_key WHERE scope = $1', [scope])
    return rows[0]?.key ?? null
  }

  async destroy(scope: string): Promise<void> {
    await this.pool.query('DELETE FROM data_key WHERE scope = $1', [scope])
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
