import type pg from 'pg'
import type { DraftProgress, ReleasedDraft, SealedDraft } from '../../../templates/src/drafts/sealedDrafts'
import { DraftIdTaken, type DraftStore, type OwnDraft } from './draftStore'
import { inTransaction } from './postgres'

/** Inside MeetingStore.erase's transaction. */
export async function deleteDraftRows(client: pg.PoolClient, meetingId: string): Promise<void> {
  for (const table of ['sealed_draft', 'draft_ready', 'released_draft'])
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
      const ids = drafts.map((d) => d.shapeId)
      if (ids.length > 0) {
        const { rows } = await client.query(
          `SELECT shape_id FROM sealed_draft WHERE meeting_id = $1 AND shape_id = ANY($2) AND participant_id <> $3
           UNION ALL SELECT shape_id FROM released_draft WHERE meeting_id = $1 AND shape_id = ANY($2)`,
          [meetingId, ids, participantId],
        )
        if (rows.length > 0) throw new DraftIdTaken(String(rows[0].shape_id))
      }
      await client.query(
        'DELETE FROM sealed_draft WHERE meeting_id = $1 AND participant_id = $2 AND zone_id = $3',
        [meetingId, participantId, zoneId],
      )
      for (const draft of drafts) {
        await client.query(
          `INSERT INTO sealed_draft (meeting_id, shape_id, participant_id, zone_id, sealed) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (meeting_id, shape_id) DO UPDATE SET zone_id = EXCLUDED.zone_id, sealed = EXCLUDED.sealed`,
          [meetingId, draft.shapeId, participantId, zoneId, draft.sealed],
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
      `SELECT shape_id AS "shapeId", zone_id AS "zoneId", sealed FROM sealed_draft
       WHERE meeting_id = $1 AND participant_id = $2 ORDER BY zone_id, shape_id`,
      [meetingId, participantId],
    )
    return rows as OwnDraft[]
  }

  async progress(meetingId: string): Promise<DraftProgress[]> {
    const { rows } = await this.pool.query(
      `SELECT participant_id AS "participantId", zone_id AS "zoneId", SUM(n)::int AS count, BOOL_OR(ready) AS ready FROM (
         SELECT participant_id, zone_id, COUNT(*) AS n, false AS ready FROM sealed_draft WHERE meeting_id = $1
           GROUP BY participant_id, zone_id
         UNION ALL
         SELECT participant_id, zone_id, 0 AS n, true AS ready FROM draft_ready WHERE meeting_id = $1
       ) AS d GROUP BY participant_id, zone_id ORDER BY participant_id, zone_id`,
      [meetingId],
    )
    return rows as DraftProgress[]
  }

  async release(meetingId: string, zoneIds: readonly string[], anonymous: boolean): Promise<void> {
    if (zoneIds.length === 0) return
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO released_draft (meeting_id, shape_id, zone_id, author_id, sealed)
         SELECT meeting_id, shape_id, zone_id, ${anonymous ? 'NULL' : 'participant_id'}, sealed FROM sealed_draft
         WHERE meeting_id = $1 AND zone_id = ANY($2) ORDER BY random() ON CONFLICT DO NOTHING`,
        [meetingId, zoneIds],
      )
      await client.query('DELETE FROM sealed_draft WHERE meeting_id = $1 AND zone_id = ANY($2)', [
        meetingId,
        zoneIds,
      ])
      await client.query('DELETE FROM draft_ready WHERE meeting_id = $1 AND zone_id = ANY($2)', [
        meetingId,
        zoneIds,
      ])
    })
  }

  async released(meetingId: string): Promise<ReleasedDraft[]> {
    const { rows } = await this.pool.query(
      `SELECT shape_id AS "shapeId", zone_id AS "zoneId", author_id AS "authorId", sealed FROM released_draft
       WHERE meeting_id = $1 ORDER BY shape_id`,
      [meetingId],
    )
    return rows as ReleasedDraft[]
  }

  async dropReleased(meetingId: string, shapeIds: readonly string[]): Promise<void> {
    if (shapeIds.length === 0) return
    await this.pool.query('DELETE FROM released_draft WHERE meeting_id = $1 AND shape_id = ANY($2)', [
      meetingId,
      shapeIds,
    ])
  }
}
