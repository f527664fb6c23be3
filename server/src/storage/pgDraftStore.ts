import type pg from 'pg'
import type { DraftProgress, SealedDraft } from '../../../templates/src/drafts/sealedDrafts'
import type { DraftStore, OwnDraft, RevealedRow, StoredDraft } from './draftStore'
import { inTransaction } from './postgres'

/** Inside MeetingStore.erase's transaction. */
export async function deleteDraftRows(client: pg.PoolClient, meetingId: string): Promise<void> {
  for (const table of ['private_draft', 'draft_ready', 'revealed_note'])
    await client.query(`DELETE FROM ${table} WHERE meeting_id = $1`, [meetingId])
}

/** Sealed drafts in Postgres (tables made in postgres.ts); the same rules as the SQLite store. */
export class PgDraftStore implements DraftStore {
  constructor(private readonly pool: pg.Pool) {}

  async putDrafts(
    meetingId: string,
    participantId: string,
    zoneId: string,
    drafts: readonly SealedDraft[],
    ready: boolean,
  ): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        'DELETE FROM private_draft WHERE meeting_id = $1 AND participant_id = $2 AND zone_id = $3',
        [meetingId, participantId, zoneId],
      )
      for (const draft of drafts) {
        await client.query(
          `INSERT INTO private_draft (meeting_id, participant_id, shape_id, zone_id, sealed) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (meeting_id, participant_id, shape_id) DO UPDATE SET zone_id = EXCLUDED.zone_id, sealed = EXCLUDED.sealed`,
          [meetingId, participantId, draft.shapeId, zoneId, draft.sealed],
        )
      }
      await client.query(
        ready
          ? 'INSERT INTO draft_ready (meeting_id, participant_id, zone_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING'
          : 'DELETE FROM draft_ready WHERE meeting_id = $1 AND participant_id = $2 AND zone_id = $3',
        [meetingId, participantId, zoneId],
      )
    })
  }

  async ownDrafts(meetingId: string, participantId: string): Promise<OwnDraft[]> {
    const { rows } = await this.pool.query(
      `SELECT shape_id AS "shapeId", zone_id AS "zoneId", sealed FROM private_draft
       WHERE meeting_id = $1 AND participant_id = $2 ORDER BY zone_id, shape_id`,
      [meetingId, participantId],
    )
    return rows as OwnDraft[]
  }

  async progress(meetingId: string): Promise<DraftProgress[]> {
    const { rows } = await this.pool.query(
      `SELECT participant_id AS "participantId", zone_id AS "zoneId", SUM(n)::int AS count, BOOL_OR(ready) AS ready FROM (
         SELECT participant_id, zone_id, COUNT(*) AS n, false AS ready FROM private_draft WHERE meeting_id = $1
           GROUP BY participant_id, zone_id
         UNION ALL
         SELECT participant_id, zone_id, 0 AS n, true AS ready FROM draft_ready WHERE meeting_id = $1
       ) AS d GROUP BY participant_id, zone_id ORDER BY participant_id, zone_id`,
      [meetingId],
    )
    return rows as DraftProgress[]
  }

  async draftsIn(meetingId: string, zoneIds: readonly string[]): Promise<StoredDraft[]> {
    if (zoneIds.length === 0) return []
    const { rows } = await this.pool.query(
      `SELECT shape_id AS "shapeId", zone_id AS "zoneId", participant_id AS "participantId", sealed
       FROM private_draft WHERE meeting_id = $1 AND zone_id = ANY($2) ORDER BY participant_id, shape_id`,
      [meetingId, zoneIds],
    )
    return rows as StoredDraft[]
  }

  async reveal(meetingId: string, zoneIds: readonly string[], notes: readonly RevealedRow[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const table of ['private_draft', 'draft_ready'])
        await client.query(`DELETE FROM ${table} WHERE meeting_id = $1 AND zone_id = ANY($2)`, [
          meetingId,
          zoneIds,
        ])
      for (const note of notes)
        await client.query(
          `INSERT INTO revealed_note (meeting_id, note_id, zone_id, author_id, anonymous) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (meeting_id, note_id) DO UPDATE SET zone_id = EXCLUDED.zone_id,
             author_id = EXCLUDED.author_id, anonymous = EXCLUDED.anonymous`,
          [meetingId, note.noteId, note.zoneId, note.authorId, note.anonymous],
        )
    })
  }

  async revealed(meetingId: string): Promise<RevealedRow[]> {
    const { rows } = await this.pool.query(
      `SELECT note_id AS "noteId", zone_id AS "zoneId", author_id AS "authorId", anonymous FROM revealed_note
       WHERE meeting_id = $1`,
      [meetingId],
    )
    return rows as RevealedRow[]
  }
}
