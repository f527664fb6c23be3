import { unstorableText } from '../imports/databaseText'
import type { RevealedRow } from './draftStore'
import type { GroupMeetingRow, GroupRow, PresenceRow } from './groupStore'
import type { MeetingRow, ParticipantRow } from './meetingStore'

/** One imported meeting as it is stored: its rows and its board. */
export interface ImportedMeetingRows {
  meeting: MeetingRow
  participants: readonly ParticipantRow[]
  revealed: readonly RevealedRow[]
  roomId: string
  /** The board as one Yjs update, written by `clientId` (claimed for the server in the room). */
  board: { update: Uint8Array; clientId: number }
}

/** Everything one import writes. */
export interface ImportBatch {
  meetings: readonly ImportedMeetingRows[]
  group?: { row: GroupRow; series: readonly GroupMeetingRow[]; presence: readonly PresenceRow[] }
}

/** Text of the import neither database can keep as it came (a NUL, half a surrogate pair). */
export class UnstorableTextError extends Error {
  constructor(
    /** Where, in the batch's terms: `meetings.2.participants.0.name`, `group.row.name`. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`)
  }
}

/**
 * Writes a whole import (its meetings, their people, revealed notes and boards, and its group) in
 * ONE transaction: when it rejects, nothing of it is stored; when it resolves, all of it is.
 */
export interface ImportStore {
  write(batch: ImportBatch): Promise<void>
}

/**
 * The batch's text checked as the databases will store it, before the transaction begins, the same
 * on both backends (SQLite would keep a NUL that Postgres refuses: one file, one answer).
 */
export function checkStorable(batch: ImportBatch): void {
  // The board's bytes are no text (and walking a typed array would take a step per byte).
  const text = { meetings: batch.meetings.map(({ board: _board, ...rows }) => rows), group: batch.group }
  const unstorable = unstorableText(text)
  if (unstorable) throw new UnstorableTextError(unstorable.field, unstorable.problem)
}

/** One INSERT, dialect-neutral: each backend renders its placeholders and value types. */
export interface RowInsert {
  table: string
  columns: readonly string[]
  values: ReadonlyArray<string | number | boolean | null>
}

/** The rows of the shared tables (tables.ts) an import inserts, in an order their references allow. */
export function importRows(batch: ImportBatch): RowInsert[] {
  const rows: RowInsert[] = []
  const add = (table: string, record: Record<string, string | number | boolean | null>) =>
    rows.push({ table, columns: Object.keys(record), values: Object.values(record) })
  for (const { meeting: m, participants, revealed } of batch.meetings) {
    add('meeting', {
      id: m.id,
      template_id: m.templateId,
      title: m.title,
      facilitator_secret_hash: m.facilitatorSecretHash,
      invite_secret_hash: m.inviteSecretHash,
      progress_json: m.progressJson,
      created_at: m.createdAt,
      retention_days: m.retentionDays,
    })
    for (const p of participants) {
      add('participant', {
        id: p.id,
        meeting_id: p.meetingId,
        name: p.name,
        role: p.role,
        color: p.color,
        token_hash: p.tokenHash,
        created_at: p.createdAt,
        member_id: p.memberId,
        removed_at: p.removedAt,
        name_key: p.nameKey ?? null,
      })
    }
    for (const n of revealed) {
      add('revealed_note', {
        meeting_id: m.id,
        note_id: n.noteId,
        zone_id: n.zoneId,
        author_id: n.authorId,
        anonymous: n.anonymous,
      })
    }
  }
  const group = batch.group
  if (group) {
    const g = group.row
    add('meeting_group', {
      id: g.id,
      name: g.name,
      secret_hash: g.secretHash,
      members_json: g.membersJson,
      created_at: g.createdAt,
      retention_days: g.retentionDays,
      last_active_at: g.lastActiveAt,
    })
    for (const s of group.series) {
      add('group_meeting', {
        meeting_id: s.meetingId,
        group_id: s.groupId,
        planned_start: s.plannedStart,
        created_at: s.createdAt,
      })
    }
    for (const p of group.presence) {
      add('presence', {
        id: p.id,
        meeting_id: p.meetingId,
        participant_id: p.participantId,
        joined_at: p.joinedAt,
        left_at: p.leftAt,
      })
    }
  }
  return rows
}

/** `INSERT INTO t (a, b) VALUES (?, ?)` or `($1, $2)`. */
export function insertSql(row: RowInsert, placeholder: (i: number) => string): string {
  return `INSERT INTO ${row.table} (${row.columns.join(', ')}) VALUES (${row.columns.map((_, i) => placeholder(i + 1)).join(', ')})`
}
