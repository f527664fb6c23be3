import type Database from 'better-sqlite3'
import type { DraftProgress, SealedDraft } from '../../../shared/drafts/sealedDrafts'
import type { ReflectionSignOff } from '../../../shared/outcome/sealedReflection'
import type { DraftStore, OwnDraft, RevealedRow, StoredDraft, StoredReflection } from './draftStore'
import { ensureSqliteTables } from './sqliteTables'

const TABLES = ['private_draft', 'draft_ready', 'revealed_note', 'sealed_reflection'] as const

/** Inside MeetingStore.erase's transaction. */
export function eraseDraftRows(db: Database.Database, meetingId: string): void {
  for (const table of TABLES) db.prepare(`DELETE FROM ${table} WHERE meeting_id = ?`).run(meetingId)
}

export class SqliteDraftStore implements DraftStore {
  constructor(private readonly db: Database.Database) {
    ensureSqliteTables(db)
  }

  async putDrafts(
    meetingId: string,
    participantId: string,
    zoneId: string,
    drafts: readonly SealedDraft[],
    ready: boolean,
  ): Promise<void> {
    const db = this.db
    db.transaction(() => {
      db.prepare('DELETE FROM private_draft WHERE meeting_id = ? AND participant_id = ? AND zone_id = ?').run(
        meetingId,
        participantId,
        zoneId,
      )
      // A draft that moved here from another zone of the same author replaces its old copy.
      const insert = db.prepare(
        'INSERT OR REPLACE INTO private_draft (meeting_id, participant_id, shape_id, zone_id, sealed) VALUES (?, ?, ?, ?, ?)',
      )
      for (const draft of drafts) insert.run(meetingId, participantId, draft.shapeId, zoneId, draft.sealed)
      if (ready)
        db.prepare(
          'INSERT OR IGNORE INTO draft_ready (meeting_id, participant_id, zone_id) VALUES (?, ?, ?)',
        ).run(meetingId, participantId, zoneId)
      else
        db.prepare('DELETE FROM draft_ready WHERE meeting_id = ? AND participant_id = ? AND zone_id = ?').run(
          meetingId,
          participantId,
          zoneId,
        )
    })()
  }

  async ownDrafts(meetingId: string, participantId: string): Promise<OwnDraft[]> {
    return this.db
      .prepare<[string, string], OwnDraft>(
        `SELECT shape_id AS shapeId, zone_id AS zoneId, sealed FROM private_draft
         WHERE meeting_id = ? AND participant_id = ? ORDER BY zone_id, shape_id`,
      )
      .all(meetingId, participantId)
  }

  async progress(meetingId: string): Promise<DraftProgress[]> {
    const rows = this.db
      .prepare<[string, string], { participantId: string; zoneId: string; count: number; ready: number }>(
        `SELECT participant_id AS participantId, zone_id AS zoneId, SUM(n) AS count, MAX(ready) AS ready FROM (
           SELECT participant_id, zone_id, COUNT(*) AS n, 0 AS ready FROM private_draft WHERE meeting_id = ?
             GROUP BY participant_id, zone_id
           UNION ALL
           SELECT participant_id, zone_id, 0 AS n, 1 AS ready FROM draft_ready WHERE meeting_id = ?
         ) GROUP BY participant_id, zone_id ORDER BY participant_id, zone_id`,
      )
      .all(meetingId, meetingId)
    return rows.map((r) => ({ ...r, ready: r.ready === 1 }))
  }

  async draftsIn(meetingId: string, zoneIds: readonly string[]): Promise<StoredDraft[]> {
    if (zoneIds.length === 0) return []
    return this.db
      .prepare<string[], StoredDraft>(
        `SELECT shape_id AS shapeId, zone_id AS zoneId, participant_id AS participantId, sealed
         FROM private_draft WHERE meeting_id = ? AND zone_id IN (${zoneIds.map(() => '?').join(', ')})
         ORDER BY participant_id, shape_id`,
      )
      .all(meetingId, ...zoneIds)
  }

  async reveal(meetingId: string, zoneIds: readonly string[], notes: readonly RevealedRow[]): Promise<void> {
    const db = this.db
    const zones = zoneIds.map(() => '?').join(', ')
    db.transaction(() => {
      if (zoneIds.length > 0) {
        for (const table of ['private_draft', 'draft_ready'])
          db.prepare(`DELETE FROM ${table} WHERE meeting_id = ? AND zone_id IN (${zones})`).run(
            meetingId,
            ...zoneIds,
          )
      }
      const insert = db.prepare(
        'INSERT OR REPLACE INTO revealed_note (meeting_id, note_id, zone_id, author_id, anonymous) VALUES (?, ?, ?, ?, ?)',
      )
      for (const note of notes)
        insert.run(meetingId, note.noteId, note.zoneId, note.authorId, note.anonymous ? 1 : 0)
    })()
  }

  async revealed(meetingId: string): Promise<RevealedRow[]> {
    const rows = this.db
      .prepare<[string], Omit<RevealedRow, 'anonymous'> & { anonymous: number }>(
        `SELECT note_id AS noteId, zone_id AS zoneId, author_id AS authorId, anonymous FROM revealed_note
         WHERE meeting_id = ?`,
      )
      .all(meetingId)
    return rows.map((r) => ({ ...r, anonymous: r.anonymous === 1 }))
  }

  async reflection(meetingId: string): Promise<StoredReflection | null> {
    const row = this.db
      .prepare<[string], Omit<StoredReflection, 'signOff'> & { signOff: string | null }>(
        `SELECT author_id AS authorId, sealed, updated_at AS updatedAt, sign_off_json AS signOff
         FROM sealed_reflection WHERE meeting_id = ?`,
      )
      .get(meetingId)
    return row
      ? { ...row, signOff: row.signOff ? (JSON.parse(row.signOff) as ReflectionSignOff) : null }
      : null
  }

  async putReflection(meetingId: string, authorId: string, sealed: string, at: number): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO sealed_reflection (meeting_id, author_id, sealed, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
      )
      .run(meetingId, authorId, sealed, at)
  }

  async signReflection(meetingId: string, signOff: ReflectionSignOff): Promise<void> {
    this.db
      .prepare('UPDATE sealed_reflection SET sign_off_json = ? WHERE meeting_id = ?')
      .run(JSON.stringify(signOff), meetingId)
  }
}
