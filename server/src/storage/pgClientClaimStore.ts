import type pg from 'pg'
import type { ClientClaimStore } from './clientClaimStore'

/**
 * Claims on Postgres, shared by every instance: two instances claiming one id at once both read
 * back the single row that won (the primary key decides), so neither accepts a second writer.
 */
export class PgClientClaimStore implements ClientClaimStore {
  constructor(private readonly pool: pg.Pool) {}

  async claim(roomId: string, clientId: number, owner: string): Promise<string> {
    const { rows } = await this.pool.query<{ owner: string }>(
      `WITH ins AS (
         INSERT INTO room_client_claim (room_id, client_id, owner) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING owner
       )
       SELECT owner FROM ins UNION ALL
       SELECT owner FROM room_client_claim WHERE room_id = $1 AND client_id = $2
       LIMIT 1`,
      [roomId, clientId, owner],
    )
    return rows[0]?.owner ?? owner
  }
}
