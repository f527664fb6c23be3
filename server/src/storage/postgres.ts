import pg from 'pg'

/** Where the tables live: a database URL and a schema in it (one per deployment, or per test run). */
export interface PostgresSettings {
  url: string
  /** Schema for the tables, created if missing; letters, digits and _ only. */
  schema: string
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/** The tables both stores use. Made on start; an instance that finds them made leaves them be. */
const TABLES = `
  CREATE TABLE IF NOT EXISTS room_head (
    room_id TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS room_update (
    room_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (room_id, seq)
  );
  CREATE TABLE IF NOT EXISTS room_client_claim (
    room_id TEXT NOT NULL,
    client_id BIGINT NOT NULL,
    owner TEXT NOT NULL,
    PRIMARY KEY (room_id, client_id)
  );
  CREATE TABLE IF NOT EXISTS room_snapshot (
    room_id TEXT PRIMARY KEY,
    data BYTEA NOT NULL,
    covers_seq BIGINT NOT NULL,
    tl_schema TEXT,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS meeting (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    title TEXT NOT NULL,
    facilitator_secret_hash TEXT NOT NULL,
    invite_secret_hash TEXT NOT NULL,
    progress_json TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS participant (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    color TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS participant_by_meeting ON participant (meeting_id, created_at);
  ALTER TABLE room_snapshot ADD COLUMN IF NOT EXISTS tl_schema TEXT;
  ALTER TABLE room_head ADD COLUMN IF NOT EXISTS last_active_at BIGINT;
  CREATE INDEX IF NOT EXISTS room_head_by_activity ON room_head (last_active_at);
  ALTER TABLE meeting ADD COLUMN IF NOT EXISTS retention_days INTEGER;
  DROP TABLE IF EXISTS sealed_draft;
  DROP TABLE IF EXISTS released_draft;
  CREATE TABLE IF NOT EXISTS private_draft (
    meeting_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    shape_id TEXT NOT NULL,
    zone_id TEXT NOT NULL,
    sealed TEXT NOT NULL,
    PRIMARY KEY (meeting_id, participant_id, shape_id)
  );
  CREATE TABLE IF NOT EXISTS draft_ready (
    meeting_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    zone_id TEXT NOT NULL,
    PRIMARY KEY (meeting_id, participant_id, zone_id)
  );
  CREATE TABLE IF NOT EXISTS revealed_note (
    meeting_id TEXT NOT NULL,
    note_id TEXT NOT NULL,
    zone_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    anonymous BOOLEAN NOT NULL,
    PRIMARY KEY (meeting_id, note_id)
  );
  CREATE TABLE IF NOT EXISTS sealed_reflection (
    meeting_id TEXT PRIMARY KEY,
    author_id TEXT NOT NULL,
    sealed TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    sign_off_json TEXT
  );
  CREATE TABLE IF NOT EXISTS meeting_group (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    members_json TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS group_meeting (
    meeting_id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES meeting_group (id),
    planned_start BIGINT,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS group_meeting_by_group ON group_meeting (group_id, created_at);
  CREATE TABLE IF NOT EXISTS presence (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    joined_at BIGINT NOT NULL,
    left_at BIGINT
  );
  CREATE INDEX IF NOT EXISTS presence_by_meeting ON presence (meeting_id, joined_at);
  ALTER TABLE meeting_group ADD COLUMN IF NOT EXISTS retention_days INTEGER;
  ALTER TABLE meeting_group ADD COLUMN IF NOT EXISTS last_active_at BIGINT;
  ALTER TABLE group_meeting ADD COLUMN IF NOT EXISTS member_keys_json TEXT;
  ALTER TABLE participant ADD COLUMN IF NOT EXISTS member_id TEXT;
  ALTER TABLE participant ADD COLUMN IF NOT EXISTS removed_at BIGINT;
  ALTER TABLE participant ADD COLUMN IF NOT EXISTS name_key TEXT;
  CREATE UNIQUE INDEX IF NOT EXISTS participant_name_unique ON participant (meeting_id, name_key)
    WHERE name_key IS NOT NULL AND removed_at IS NULL;
`

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
    await client.query(TABLES)
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
