/**
 * The tables both backends keep, described once. Each dialect renders them (sqliteTables.ts,
 * postgres.ts) and adds only what truly differs: how a room's log numbers its entries and where a
 * room's last activity lives (SQLite: one writer, a global AUTOINCREMENT and `room_activity`;
 * Postgres: several instances, a per-room head row whose lock orders appends).
 */

export type Dialect = 'sqlite' | 'postgres'

type ColumnType = 'text' | 'integer' | 'bigint' | 'bytes' | 'boolean'

interface Column {
  name: string
  type: ColumnType
  notNull?: boolean
  /** SQL literal; lets a NOT NULL column be added to a table made by an earlier version. */
  default?: string
  references?: string
  unique?: boolean
}

interface Index {
  name: string
  table: string
  columns: string
  unique?: boolean
  where?: string
}

interface Table {
  name: string
  columns: Column[]
  primaryKey: string[]
}

const TYPES: Record<Dialect, Record<ColumnType, string>> = {
  sqlite: { text: 'TEXT', integer: 'INTEGER', bigint: 'INTEGER', bytes: 'BLOB', boolean: 'INTEGER' },
  postgres: { text: 'TEXT', integer: 'INTEGER', bigint: 'BIGINT', bytes: 'BYTEA', boolean: 'BOOLEAN' },
}

const text = (name: string, extra: Partial<Column> = {}): Column => ({
  name,
  type: 'text',
  notNull: true,
  ...extra,
})
const time = (name: string, notNull = true): Column => ({ name, type: 'bigint', notNull })

/**
 * In creation order (a table before those that reference it). A column added by a later version
 * is simply listed: a database made before it gets it added (see `missingColumns`); such a column
 * must be nullable or have a default.
 */
export const SHARED_TABLES: readonly Table[] = [
  {
    name: 'room_snapshot',
    columns: [
      text('room_id'),
      { name: 'data', type: 'bytes', notNull: true },
      { name: 'covers_seq', type: 'bigint', notNull: true, default: '0' },
      { name: 'tl_schema', type: 'text' },
      time('updated_at'),
    ],
    primaryKey: ['room_id'],
  },
  {
    name: 'room_client_claim',
    columns: [text('room_id'), { name: 'client_id', type: 'bigint', notNull: true }, text('owner')],
    primaryKey: ['room_id', 'client_id'],
  },
  {
    name: 'meeting',
    columns: [
      text('id'),
      text('template_id'),
      text('title'),
      text('facilitator_secret_hash'),
      text('invite_secret_hash'),
      text('progress_json'),
      time('created_at'),
      { name: 'retention_days', type: 'integer' },
    ],
    primaryKey: ['id'],
  },
  {
    name: 'participant',
    columns: [
      text('id'),
      text('meeting_id', { references: 'meeting (id)' }),
      text('name'),
      text('role'),
      text('color'),
      text('token_hash', { unique: true }),
      time('created_at'),
      { name: 'member_id', type: 'text' },
      time('removed_at', false),
      { name: 'name_key', type: 'text' },
    ],
    primaryKey: ['id'],
  },
  {
    name: 'private_draft',
    columns: [text('meeting_id'), text('participant_id'), text('shape_id'), text('zone_id'), text('sealed')],
    primaryKey: ['meeting_id', 'participant_id', 'shape_id'],
  },
  {
    name: 'draft_ready',
    columns: [text('meeting_id'), text('participant_id'), text('zone_id')],
    primaryKey: ['meeting_id', 'participant_id', 'zone_id'],
  },
  {
    name: 'revealed_note',
    columns: [
      text('meeting_id'),
      text('note_id'),
      text('zone_id'),
      text('author_id'),
      { name: 'anonymous', type: 'boolean', notNull: true },
    ],
    primaryKey: ['meeting_id', 'note_id'],
  },
  {
    // The inbrenger's reflection report, sealed in their browser (outcome/sealedReflection.ts).
    name: 'sealed_reflection',
    columns: [
      text('meeting_id'),
      text('author_id'),
      text('sealed'),
      time('updated_at'),
      { name: 'sign_off_json', type: 'text' },
    ],
    primaryKey: ['meeting_id'],
  },
  {
    name: 'meeting_group',
    columns: [
      text('id'),
      text('name'),
      text('secret_hash'),
      text('members_json'),
      time('created_at'),
      { name: 'retention_days', type: 'integer' },
      time('last_active_at', false),
    ],
    primaryKey: ['id'],
  },
  {
    name: 'group_meeting',
    columns: [
      text('meeting_id'),
      text('group_id', { references: 'meeting_group (id)' }),
      time('planned_start', false),
      time('created_at'),
      { name: 'member_keys_json', type: 'text' },
    ],
    primaryKey: ['meeting_id'],
  },
  {
    name: 'presence',
    columns: [
      text('id'),
      text('meeting_id'),
      text('participant_id'),
      time('joined_at'),
      time('left_at', false),
    ],
    primaryKey: ['id'],
  },
]

export const SHARED_INDEXES: readonly Index[] = [
  { name: 'participant_by_meeting', table: 'participant', columns: 'meeting_id, created_at' },
  // One name per person among the meeting's present participants (rows from before have none).
  {
    name: 'participant_name_unique',
    table: 'participant',
    columns: 'meeting_id, name_key',
    unique: true,
    where: 'name_key IS NOT NULL AND removed_at IS NULL',
  },
  { name: 'private_draft_by_zone', table: 'private_draft', columns: 'meeting_id, zone_id' },
  { name: 'group_meeting_by_group', table: 'group_meeting', columns: 'group_id, created_at' },
  { name: 'presence_by_meeting', table: 'presence', columns: 'meeting_id, joined_at' },
]

/**
 * Tables nothing reads any more: before the server placed revealed notes itself, whole records
 * sealed in a browser were released to the begeleider's browser.
 */
export const DROPPED_TABLES = ['sealed_draft', 'released_draft'] as const

function columnSql(column: Column, dialect: Dialect): string {
  let sql = `${column.name} ${TYPES[dialect][column.type]}`
  if (column.notNull) sql += ' NOT NULL'
  if (column.default !== undefined) sql += ` DEFAULT ${column.default}`
  if (column.unique) sql += ' UNIQUE'
  if (column.references) sql += ` REFERENCES ${column.references}`
  return sql
}

/** CREATE TABLE IF NOT EXISTS for every shared table, as `dialect` writes it. */
export function createTablesSql(dialect: Dialect): string {
  const drops = DROPPED_TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`)
  const creates = SHARED_TABLES.map((table) => {
    const columns = table.columns.map((c) => `  ${columnSql(c, dialect)}`)
    columns.push(`  PRIMARY KEY (${table.primaryKey.join(', ')})`)
    return `CREATE TABLE IF NOT EXISTS ${table.name} (\n${columns.join(',\n')}\n);`
  })
  return [...drops, ...creates].join('\n')
}

/** CREATE INDEX IF NOT EXISTS for every shared index (after the columns they name exist). */
export function createIndexesSql(): string {
  return SHARED_INDEXES.map(
    (index) =>
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${index.name} ON ${index.table} (${index.columns})` +
      `${index.where ? ` WHERE ${index.where}` : ''};`,
  ).join('\n')
}

/** ALTER TABLE … ADD COLUMN for the shared columns a table made by an earlier version lacks. */
export function addColumnsSql(dialect: Dialect, existing: (table: string) => ReadonlySet<string>): string {
  const statements: string[] = []
  for (const table of SHARED_TABLES) {
    const have = existing(table.name)
    for (const column of table.columns) {
      if (have.has(column.name)) continue
      statements.push(`ALTER TABLE ${table.name} ADD COLUMN ${columnSql(column, dialect)};`)
    }
  }
  return statements.join('\n')
}

/**
 * The SELECT lists both dialects share: the results name fields as the rows do ("camelCase" is
 * quoted, which both keep as written).
 */
export const MEETING_COLUMNS = `id, template_id AS "templateId", title,
  facilitator_secret_hash AS "facilitatorSecretHash", invite_secret_hash AS "inviteSecretHash",
  progress_json AS "progressJson", created_at AS "createdAt", retention_days AS "retentionDays"`
export const PARTICIPANT_COLUMNS = `id, meeting_id AS "meetingId", name, role, color, token_hash AS "tokenHash",
  created_at AS "createdAt", member_id AS "memberId", removed_at AS "removedAt", name_key AS "nameKey"`
export const GROUP_COLUMNS = `id, name, secret_hash AS "secretHash", members_json AS "membersJson",
  created_at AS "createdAt", retention_days AS "retentionDays", last_active_at AS "lastActiveAt"`
export const GROUP_MEETING_COLUMNS = `meeting_id AS "meetingId", group_id AS "groupId",
  planned_start AS "plannedStart", created_at AS "createdAt"`
export const PRESENCE_COLUMNS = `id, meeting_id AS "meetingId", participant_id AS "participantId",
  joined_at AS "joinedAt", left_at AS "leftAt"`

/** Where a room's last activity lives: SQLite's `room_activity`, Postgres's room head. */
export const ROOM_ACTIVITY_TABLE: Record<Dialect, string> = { sqlite: 'room_activity', postgres: 'room_head' }

/**
 * SQL for the last activity of the group `g`: its page's, or its making, or the latest activity of
 * a meeting of its series (the room's, else the meeting's making), whichever is latest.
 */
export function groupLastActiveSql(dialect: Dialect, meetingRoomPrefix: string): string {
  const greatest = dialect === 'sqlite' ? 'max' : 'GREATEST'
  return `${greatest}(coalesce(g.last_active_at, g.created_at), coalesce((
    SELECT max(coalesce(ga.last_active_at, gm2.created_at)) FROM group_meeting gs
    JOIN meeting gm2 ON gm2.id = gs.meeting_id
    LEFT JOIN ${ROOM_ACTIVITY_TABLE[dialect]} ga ON ga.room_id = ('${meetingRoomPrefix}' || gs.meeting_id)
    WHERE gs.group_id = g.id), 0))`
}
