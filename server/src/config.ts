import path from 'node:path'
import { type Limits, readLimits } from './limits'
import { PROJECT_ROOT } from './projectRoot'
import type { RetentionPolicy } from './storage/meetingStore'

/** Server settings, read once from the environment at start (see README, "Configuration"). */
export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** An organisation's own method templates, loaded after the built-in ones. */
  templatesDir: string | null
  tldrawLicenseKey: string | null
  /** Built client to serve. */
  clientDir: string
  roomIdleMs: number
  /**
   * The origin the board is served from (`PUBLIC_URL`), checked against a socket's Origin
   * header. Null: the Origin's host must equal the Host header.
   */
  publicOrigin: string | null
  /** Take a client's address from the last X-Forwarded-For hop (behind a reverse proxy). */
  trustProxy: boolean
  limits: Limits
  /** How long meetings and free boards are kept after their last activity (then the sweep erases them). */
  retention: RetentionPolicy
  /** Postgres for rooms and meetings (`DATABASE_URL`, tables in `DATABASE_SCHEMA`); null: SQLite in dataDir. */
  postgres: { url: string; schema: string } | null
  /**
   * Where the keys of encryption at rest live, apart from the data (`KEY_STORE`: a SQLite file;
   * `KEY_DATABASE_URL`: a Postgres database for several instances). Unset: beside the data.
   * On unless `ENCRYPT_AT_REST=0`.
   */
  keys: { enabled: boolean; file: string | null; url: string | null }
  /** Redis for several instances (`REDIS_URL`, keys and channels under `REDIS_PREFIX`); null: alone. */
  redis: { url: string; prefix: string } | null
  /** Who may import export files: the holders of `IMPORT_TOKEN`, or anyone (`IMPORT_ANONYMOUS=1`). */
  imports: { token: string | null; anonymous: boolean }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`)
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    templatesDir: env.TEMPLATES_DIR ? path.resolve(env.TEMPLATES_DIR) : null,
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY?.trim() || null,
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(PROJECT_ROOT, 'dist/client')),
    roomIdleMs: Number(env.ROOM_IDLE_MS ?? 30_000),
    publicOrigin: readPublicOrigin(env.PUBLIC_URL),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    limits: readLimits(env),
    retention: readRetention(env),
    ...readCluster(env),
    imports: readImports(env),
    keys: readKeys(env),
  }
}

function readKeys(env: NodeJS.ProcessEnv): ServerConfig['keys'] {
  const file = env.KEY_STORE?.trim() ? path.resolve(env.KEY_STORE.trim()) : null
  const url = env.KEY_DATABASE_URL?.trim() || null
  // On by default; ENCRYPT_AT_REST=0 stores meetings in the clear (an erase then leaves copies readable).
  const off = env.ENCRYPT_AT_REST === '0' || env.ENCRYPT_AT_REST === 'false'
  if (off && (file !== null || url !== null)) {
    throw new Error(
      'ENCRYPT_AT_REST=0 turns encryption at rest off: KEY_STORE and KEY_DATABASE_URL would not be used',
    )
  }
  return { enabled: !off, file, url }
}

function readImports(env: NodeJS.ProcessEnv): ServerConfig['imports'] {
  const token = env.IMPORT_TOKEN?.trim() || null
  // A code anyone could guess protects nothing.
  if (token !== null && token.length < 16) {
    throw new Error('IMPORT_TOKEN must be at least 16 characters long (a random code)')
  }
  return { token, anonymous: env.IMPORT_ANONYMOUS === '1' || env.IMPORT_ANONYMOUS === 'true' }
}

function readCluster(env: NodeJS.ProcessEnv): Pick<ServerConfig, 'postgres' | 'redis'> {
  const databaseUrl = env.DATABASE_URL?.trim() || null
  const redisUrl = env.REDIS_URL?.trim() || null
  if (redisUrl && !databaseUrl) {
    // Each instance would keep its own SQLite file: the rooms would drift apart.
    throw new Error('REDIS_URL needs DATABASE_URL: several instances share their storage in Postgres')
  }
  return {
    postgres: databaseUrl ? { url: databaseUrl, schema: env.DATABASE_SCHEMA?.trim() || 'public' } : null,
    redis: redisUrl ? { url: redisUrl, prefix: env.REDIS_PREFIX?.trim() || 'intervisiebord:' } : null,
  }
}

/** 30 days unless the operator says otherwise; a facilitator may choose up to the maximum. */
export const DEFAULT_RETENTION: Readonly<RetentionPolicy> = { defaultDays: 30, maxDays: 365 }

function readRetention(env: NodeJS.ProcessEnv): RetentionPolicy {
  const days = (name: string, fallback: number) => {
    const raw = env[name]?.trim()
    if (!raw) return fallback
    const value = Number(raw)
    if (!Number.isSafeInteger(value) || value < 1 || value > 36_500) {
      throw new Error(`${name} must be a whole number of days from 1 to 36500, got "${raw}"`)
    }
    return value
  }
  const maxDays = days('RETENTION_MAX_DAYS', DEFAULT_RETENTION.maxDays)
  // A default above the maximum would be cut to it anyway; with only the maximum set, it caps the default.
  const defaultDays = days('RETENTION_DEFAULT_DAYS', Math.min(DEFAULT_RETENTION.defaultDays, maxDays))
  if (defaultDays > maxDays) {
    throw new Error(`RETENTION_DEFAULT_DAYS (${defaultDays}) may not exceed RETENTION_MAX_DAYS (${maxDays})`)
  }
  return { defaultDays, maxDays }
}

function readPublicOrigin(value: string | undefined): string | null {
  if (!value?.trim()) return null
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new Error(`PUBLIC_URL must be a URL such as https://bord.example.nl, got "${value}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must start with http:// or https://, got "${value}"`)
  }
  return url.origin
}
