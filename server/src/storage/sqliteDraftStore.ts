import type Database from 'better-sqlite3'
import type { DraftProgress, ReleasedDraft, SealedDraft } from '../../../templates/src/drafts/sealedDrafts'
import { DraftIdTaken, type DraftStore, type OwnDraft } from './draftStore'

/** The draft tables; made with the meeting tables, since a meeting's erase clears them too. */
export function createDraftTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS sealed_draft (
      meeting_id TEXT NOT NULL,
      shape_id TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      zone_id TEXT NOT NULL,
      sealed TEXT NOT NULL,
      PRIMARY KEY (meeting_id, shape_id)
    );
    CREATE INDEX IF NOT EXISTS sealed_draft_by_author ON sealed_draft (meeting_id, participant_id, zone_id);
    CREATE TABLE IF NOT EXISTS draft_ready (
      meeting_id TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      zone_id TEXT NOT NULL,
      PRIMARY KEY (meeting_id, participant_id, zone_id)
    );
    CREATE TABLE IF NOT EXISTS released_draft (
      meeting_id TEXT NOT NULL,
      shape_id TEXT NOT NULL,
      zone_id TEXT NOT NULL,
      author_id TEXT,
      sealed TEXT NOT NULL,
      PRIMARY KEY (meeting_id, shape_id)
    );
  `)
}

/** Inside MeetingStore.erase's transaction. */
export function eraseDraftRows(db: Database.Database, meetingId: string): void {
  for (const table of ['sealed_draft', 'draft_ready', 'released_draft'])
    db.prepare(`DELETE FROM ${table} WHERE meeting_id = ?`).run(meetingId)
}

export class SqliteDraftStore implements DraftStore {
  constructor(private readonly db: Database.Database) {
    createDraftTables(db)
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
      const owner = db.prepare<[string, string], { participant_id: string }>(
        'SELECT participant_id FROM sealed_draft WHERE meeting_id = ? AND shape_id = ?',
      )
      const released = db.prepare('SELECT 1 FROM released_draft WHERE meeting_id = ? AND shape_id = ?')
      for (const draft of drafts) {
        const row = owner.get(meetingId, draft.shapeId)
        if ((row && row.participant_id !== participantId) || released.get(meetingId, draft.shapeId))
          throw new DraftIdTaken(draft.shapeId)
      }
      db.prepare('DELETE FROM sealed_draft WHERE meeting_id = ? AND participant_id = ? AND zone_id = ?').run(
        meetingId,
        participantId,
        zoneId,
      )
      const insert = db.prepare(
        'INSERT OR REPLACE INTO sealed_draft (meeting_id, shape_id, participant_id, zone_id, sealed) VALUES (?, ?, ?, ?, ?)',
      )
      for (const draft of drafts) insert.run(meetingId, draft.shapeId, participantId, zoneId, draft.sealed)
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
        `SELECT shape_id AS shapeId, zone_id AS zoneId, sealed FROM sealed_draft
         WHERE meeting_id = ? AND participant_id = ? ORDER BY zone_id, shape_id`,
      )
      .all(meetingId, participantId)
  }

  async progress(meetingId: string): Promise<DraftProgress[]> {
    const rows = this.db
      .prepare<[string, string], { participantId: string; zoneId: string; count: number; ready: number }>(
        `SELECT participant_id AS participantId, zone_id AS zoneId, SUM(n) AS count, MAX(ready) AS ready FROM (
           SELECT participant_id, zone_id, COUNT(*) AS n, 0 AS ready FROM sealed_draft WHERE meeting_id = ?
             GROUP BY participant_id, zone_id
           UNION ALL
           SELECT participant_id, zone_id, 0 AS n, 1 AS ready FROM draft_ready WHERE meeting_id = ?
         ) GROUP BY participant_id, zone_id ORDER BY participant_id, zone_id`,
      )
      .all(meetingId, meetingId)
    return rows.map((r) => ({ ...r, ready: r.ready === 1 }))
  }

  async release(meetingId: string, zoneIds: readonly string[], anonymous: boolean): Promise<void> {
    if (zoneIds.length === 0) return
    const db = this.db
    const zones = zoneIds.map(() => '?').join(', ')
    db.transaction(() => {
      // Random order: in an anonymous reveal not even the order of the rows tells who wrote what.
      db.prepare(
        `INSERT OR IGNORE INTO released_draft (meeting_id, shape_id, zone_id, author_id, sealed)
         SELECT meeting_id, shape_id, zone_id, ${anonymous ? 'NULL' : 'participant_id'}, sealed FROM sealed_draft
         WHERE meeting_id = ? AND zone_id IN (${zones}) ORDER BY random()`,
      ).run(meetingId, ...zoneIds)
      db.prepare(`DELETE FROM sealed_draft WHERE meeting_id = ? AND zone_id IN (${zones})`).run(
        meetingId,
        ...zoneIds,
      )
      db.prepare(`DELETE FROM draft_ready WHERE meeting_id = ? AND zone_id IN (${zones})`).run(
        meetingId,
        ...zoneIds,
      )
    })()
  }

  async released(meetingId: string): Promise<ReleasedDraft[]> {
    return this.db
      .prepare<[string], ReleasedDraft>(
        `SELECT shape_id AS shapeId, zone_id AS zoneId, author_id AS authorId, sealed FROM released_draft
         WHERE meeting_id = ? ORDER BY shape_id`,
      )
      .all(meetingId)
  }

  async dropReleased(meetingId: string, shapeIds: readonly string[]): Promise<void> {
    const drop = this.db.prepare('DELETE FROM released_draft WHERE meeting_id = ? AND shape_id = ?')
    this.db.transaction(() => {
      for (const shapeId of shapeIds) drop.run(meetingId, shapeId)
    })()
  }
}
