import pg from 'pg'
import { addColumnsSql, createIndexesSql, createTablesSql } from './tables'

/** Where the tables live: a database URL and a schema in it (one per deployment, or per test run). */
export interface PostgresSettings {
  url: string
  /** Schema for the tables, created if missing; letters, digits and _ only. */
  schema: string
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * The Postgres-only tables (the shared ones: tables.ts): a head row per room, whose counter gives
 * the room's log entries their seq and whose lock orders appends from several instances.
 */
const ROOM_TABLES = `
  CREATE TABLE IF NOT EXISTS room_head (
    room_id TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL DEFAULT 0
  );
  ALTER TABLE room_head ADD COLUMN IF NOT EXISTS last_active_at BIGINT;
  CREATE INDEX IF NOT EXISTS room_head_by_activity ON room_head (last_active_at);
  CREATE TABLE IF NOT EXISTS room_update (
    room_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (room_id, seq)
  );
`

/** Makes every table (made on start; an instance that finds them made leaves them be). */
async function createTables(client: pg.PoolClient): Promise<void> {
  await client.query(createTablesSql('postgres'))
  await client.query(ROOM_TABLES)
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()',
  )
  const added = addColumnsSql(
    'postgres',
    (table) => new Set(rows.filter((r) => r.table_name === table).map((r) => r.column_name)),
  )
  if (added) await client.query(added)
  await client.query(createIndexesSql())
}

/** A URL without its password, for log lines and errors. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(not a URL)'
  }
}

/**
 * Connects a pool whose sessions use `settings.schema`, and makes the schema and its tables if
 * they are missing (under an advisory lock, so instances starting together do not collide).
 * Throws naming the URL (without its password) when the database cannot be reached.
 */
export async function openPostgres(settings: PostgresSettings): Promise<pg.Pool> {
  if (!SCHEMA_NAME.test(settings.schema)) {
    throw new Error(`DATABASE_SCHEMA must be lower-case letters, digits and _, got "${settings.schema}"`)
  }
  const pool = new pg.Pool({
    connectionString: settings.url,
    options: `-c search_path=${settings.schema}`,
    max: 10,
    connectionTimeoutMillis: 5000,
  })
  // An idle client that loses its server emits here; without a listener that ends the process.
  pool.on('error', () => {})
  let client: pg.PoolClient
  try {
    client = await pool.connect()
  } catch (error) {
    await pool.end().catch(() => {})
    throw new Error(
      `Postgres at ${redactUrl(settings.url)} could not be reached: ${(error as Error).message}`,
    )
  }
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`intervisiebord:${settings.schema}`])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${settings.schema}`)
    await createTables(client)
    // Rooms from before activity was kept start their retention now: nothing goes for being old.
    await client.query('UPDATE room_head SET last_active_at = $1 WHERE last_active_at IS NULL', [Date.now()])
    // So do groups from before their retention (groups made since always have the time).
    await client.query('UPDATE meeting_group SET last_active_at = $1 WHERE last_active_at IS NULL', [
      Date.now(),
    ])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    client.release()
    await pool.end().catch(() => {})
    throw error
  }
  client.release()
  return pool
}

/** Runs `fn` in one transaction on one pooled connection; rolls back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** Deletes a room's rows inside a caller's transaction; the head first, so appends stop at once. */
export async function deleteRoomRows(client: pg.PoolClient, roomId: string): Promise<void> {
  // Waits for an append in flight (it holds the head's row lock), then the later statements see it.
  await client.query('DELETE FROM room_head WHERE room_id = $1', [roomId])
  await client.query('DELETE FROM room_update WHERE room_id = $1', [roomId])
  await client.query('DELETE FROM room_snapshot WHERE room_id = $1', [roomId])
  await client.query('DELETE FROM room_client_claim WHERE room_id = $1', [roomId])
}
