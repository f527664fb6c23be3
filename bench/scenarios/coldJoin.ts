import type { Endpoint } from '../connection'
import type { ScenarioContext, ScenarioResult } from '../context'
import { sleep } from '../context'
import { DocClient } from '../docClient'
import { type RunningServer, startServer } from '../servers'
import { openRoom } from '../targets'
import { seedNotes } from '../writer'

const SIZES = [1000, 10_000] as const

interface Join {
  ms: number
  frames: number
  largestFrame: number
  notes: number
}

/** Time from opening the socket to the frame that completes the sync (the last sync byte). */
async function timeJoin(endpoint: Endpoint): Promise<Join> {
  const t0 = process.hrtime.bigint()
  const c = new DocClient(endpoint)
  try {
    await c.whenSynced(60_000)
    return {
      ms: Number(c.syncedAtNs! - t0) / 1e6,
      frames: c.syncFrames,
      largestFrame: c.largestSyncFrame,
      notes: c.kv.map.size,
    }
  } finally {
    await c.close()
  }
}

/**
 * Scenario 5. Every server: join a room held in memory with 1,000 and 10,000 notes (its seeder
 * still connected). Ours also cold, as the issue asks: the rooms are stored, the server stops
 * (compacting them) and starts again on the same data, and the first client's join is timed.
 * The peers run without storage (their default), so they have no cold join.
 */
export async function coldJoin(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { server, target } = ctx
  const figures: Record<string, number | null> = {}
  const notes: string[] = []
  const rooms: Array<{ endpoint: Endpoint; size: number }> = []
  const seeders: DocClient[] = []
  try {
    for (const size of SIZES) {
      const room = await openRoom(server, target, 0)
      const seeder = new DocClient(room.writer.endpoint)
      await seeder.whenSynced()
      const bytes = await seedNotes(seeder, room.writer.authorId, size)
      seeders.push(seeder)
      rooms.push({ endpoint: room.writer.endpoint, size })
      figures[`join.${size}.docBytes`] = bytes
    }
    await sleep(1500)
    for (const room of rooms) {
      const warm = await timeJoin(room.endpoint)
      figures[`join.${room.size}.warm`] = warm.ms
      figures[`join.${room.size}.frames`] = warm.frames
      if (warm.notes < room.size)
        notes.push(`${target.label}: a join of the ${room.size}-note room got ${warm.notes} notes`)
      ctx.log(
        `join ${room.size} notes (in memory): ${warm.ms.toFixed(1)} ms, ${warm.frames} frames, largest ${(warm.largestFrame / 1024).toFixed(0)} KB`,
      )
    }
  } finally {
    await Promise.all(seeders.map((s) => s.close()))
  }
  if (server.kind !== 'ours') return { figures, notes }

  // Cold: rooms stored by a server of their own, which stops (compacting them); a new server on
  // the same data loads them from disk for the first client.
  const first = await startServer('ours')
  const stored: Array<{ name: string; token: string | undefined; size: number }> = []
  let again: RunningServer | null = null
  try {
    for (const size of SIZES) {
      const room = await openRoom(first, target, 0)
      const seeder = new DocClient(room.writer.endpoint)
      await seeder.whenSynced()
      await seedNotes(seeder, room.writer.authorId, size)
      await sleep(1000)
      await seeder.close()
      stored.push({ name: room.name, token: tokenOf(room.writer.endpoint), size })
    }
    await first.stop({ keepData: true })
    again = await startServer('ours', { dataDir: first.dataDir! })
    for (const room of stored) {
      const cold = await timeJoin(again.endpoint(room.name, room.token))
      figures[`join.${room.size}.cold`] = cold.ms
      figures[`join.${room.size}.coldFrames`] = cold.frames
      figures[`join.${room.size}.coldLargest`] = cold.largestFrame
      if (cold.notes < room.size)
        notes.push(`ours: a cold join of the ${room.size}-note room got ${cold.notes} notes`)
      ctx.log(
        `cold join ${room.size} notes (from storage): ${cold.ms.toFixed(1)} ms, ${cold.frames} frames, largest ${(cold.largestFrame / 1024).toFixed(0)} KB`,
      )
    }
  } finally {
    await again?.stop({ keepData: true })
    await first.stop()
  }
  return { figures, notes }
}

/** The session token a meeting endpoint carries (free boards have none). */
function tokenOf(endpoint: Endpoint): string | undefined {
  const offer = endpoint.protocols.find((p) => p.startsWith('token.'))
  if (!offer) return undefined
  return Buffer.from(offer.slice('token.'.length), 'base64url').toString('utf8')
}
