import type pg from 'pg'
import { SERVER_CLAIM } from './clientClaimStore'
import { checkStorable, type ImportBatch, type ImportStore, importRows, insertSql } from './importStore'
import { inTransaction } from './postgres'

/** An import in one Postgres transaction (importStore.ts). */
export class PgImportStore implements ImportStore {
  constructor(private readonly pool: pg.Pool) {}

  async write(batch: ImportBatch): Promise<void> {
    checkStorable(batch)
    await inTransaction(this.pool, async (client) => {
      for (const row of importRows(batch)) {
        await client.query(
          insertSql(row, (i) => `$${i}`),
          [...row.values],
        )
      }
      for (const { roomId, board, meeting } of batch.meetings) {
        // The room is made with its meeting (its head), its board the first entry of its log.
        await client.query('INSERT INTO room_head (room_id, last_seq, last_active_at) VALUES ($1, 1, $2)', [
          roomId,
          meeting.createdAt,
        ])
        await client.query('INSERT INTO room_update (room_id, seq, data) VALUES ($1, 1, $2)', [
          roomId,
          Buffer.from(board.update.buffer, board.update.byteOffset, board.update.byteLength),
        ])
        await client.query('INSERT INTO room_client_claim (room_id, client_id, owner) VALUES ($1, $2, $3)', [
          roomId,
          board.clientId,
          SERVER_CLAIM,
        ])
      }
    })
  }
}
