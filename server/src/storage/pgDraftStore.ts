import type pg from 'pg'
import type { DraftProgress, SealedDraft } from '../../../shared/drafts/sealedDrafts'
import type { ReflectionSignOff } from '../../../shared/outcome/sealedReflection'
import type { DraftStore, OwnDraft, RevealedRow, StoredDraft, StoredReflection } from './draftStore'
import { inTransaction } from './postgres'

/** Inside MeetingStore.erase's transaction. */
export async function deleteDraftRows(client: pg.PoolClient, meetingId: string): Promise<void> {
  for (const table of ['private_draft', 'draft_ready', 'revealed_note', 'sealed_reflection'])
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

  async reflection(meetingId: string): Promise<StoredReflection | null> {
    const { rows } = await this.pool.query(
      `SELECT author_id AS "authorId", sealed, updated_at AS "updatedAt", sign_off_json AS "signOff"
       FROM sealed_reflection WHERE meeting_id = $1`,
      [meetingId],
    )
    const row = rows[0] as (Omit<StoredReflection, 'signOff'> & { signOff: string | null }) | undefined
    if (!row) return null
    const signOff = row.signOff ? (JSON.parse(row.signOff) as ReflectionSignOff) : null
    return { ...row, updatedAt: Number(row.updatedAt), signOff }
  }

  async putReflection(meetingId: string, authorId: string, sealed: string, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO sealed_reflection (meeting_id, author_id, sealed, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id) DO UPDATE SET sealed = EXCLUDED.sealed, updated_at = EXCLUDED.updated_at`,
      [meetingId, authorId, sealed, at],
    )
  }

  async signReflection(meetingId: string, signOff: ReflectionSignOff): Promise<void> {
    await this.pool.query('UPDATE sealed_reflection SET sign_off_json = $1 WHERE meeting_id = $2', [
      JSON.stringify(signOff),
      meetingId,
    ])
  }
}
