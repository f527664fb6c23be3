/**
 * Where the keys of encryption at rest live (atRest.ts): apart from the data, so erasing a key
 * shreds every copy of its data the database keeps elsewhere (WAL, free pages, backups, replicas).
 * One key per scope: a meeting's room id (its board, title and names) or a free board's room id.
 *
 * - SQLite (one instance): a file of its own (KEY_STORE; default DATA_DIR/intervisiebord-keys.sqlite)
 *   with journal_mode=DELETE and secure_delete=ON: no write-ahead log keeps old pages, and a
 *   deleted key's bytes are overwritten in the file (sqliteKeyStore.ts).
 * - Postgres (several instances): a database of its own (KEY_DATABASE_URL; default: the data's
 *   database, schema `<schema>_keys`). Its WAL keeps a deleted key until the segment is recycled,
 *   and its backups keep it as long as they are kept (pgKeyStore.ts, README).
 */
export interface KeyStore {
  /** The scope's key; with `create`, made (once, whoever asks first) if it has none. */
  key(scope: string, create: boolean): Promise<Buffer | null>
  /** Deletes the scope's key: whatever was encrypted with it can no longer be read. */
  destroy(scope: string): Promise<void>
  describe: string
  close(): Promise<void>
}

/** A cache of keys in memory, in front of a store that lives on disk or across the network. */
export class CachedKeys {
  private readonly keys = new Map<string, Buffer>()

  constructor(readonly store: KeyStore) {}

  async key(scope: string, create: boolean): Promise<Buffer | null> {
    const cached = this.keys.get(scope)
    if (cached) return cached
    const key = await this.store.key(scope, create)
    if (key) this.keys.set(scope, key)
    return key
  }

  /** Drops the cached key: the next use reads the store (another instance may have erased it). */
  forget(scope: string): void {
    this.keys.delete(scope)
  }

  async destroy(scope: string): Promise<void> {
    this.keys.delete(scope)
    await this.store.destroy(scope)
    // A read racing the destroy may have cached it again.
    this.keys.delete(scope)
  }
}
