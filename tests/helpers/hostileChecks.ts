import type { BoardRecord } from '../../shared/boardRecords'
import type { BoardServer } from './boardServer'
import type { Verdict } from './hostileClient'
import { ResettingClient, upgradeStatus } from './meetingClient'
import { noteRecord } from './records'
import { connectClient, eventually, type TestClient, waitForSync } from './yjsClient'

/**
 * What "the server handled a hostile frame" means, checked from the outside only (sockets, HTTP,
 * a restart), so the checks hold whatever the server does inside. A test collects an Outcome and
 * compares it with HANDLED in one assertion: the diff shows every way it went wrong.
 */
export interface Outcome {
  /** GET /api/health answered after the hostile frames. */
  alive: boolean
  /** The sender got our refusal message or was closed with 4400..4499 or 1009. */
  senderRefused: boolean
  /** An honest edit made afterwards reached the other honest clients. */
  honestEditsFlow: boolean
  /** Some honest client received the hostile content's marker. */
  markerLeaked: boolean
  /** Every honest client holds the same records as a client that joins afterwards. */
  converged: boolean
  /** After a restart on the same data, a client is let in (no 503) and syncs. */
  reloads: boolean
  /** The reloaded room holds pending (unintegrated) structs or deletes. */
  pendingAfterReload: boolean
  /** The reloaded room holds the forbidden record (or the marker). */
  forbiddenAfterReload: boolean
}

export const HANDLED: Outcome = {
  alive: true,
  senderRefused: true,
  honestEditsFlow: true,
  markerLeaked: false,
  converged: true,
  reloads: true,
  pendingAfterReload: false,
  forbiddenAfterReload: false,
}

/** An honest participant: a stock y-websocket client that starts over when refused. */
export interface Honest {
  client: ResettingClient
  /** Participant id in a meeting, any name on a free board. */
  id: string
  token: string
}

export async function honest(server: BoardServer, roomId: string, id: string, token = ''): Promise<Honest> {
  const client = new ResettingClient(server.url, roomId, token)
  await client.synced()
  return { client, id, token }
}

/** Records of a stock client's document, by id (YKeyValue's view: the rightmost entry wins). */
export function recordsOf(client: TestClient): Map<string, BoardRecord> {
  const map = new Map<string, BoardRecord>()
  for (const [key, entry] of client.kv.map) map.set(key, (entry as { val: BoardRecord }).val)
  return map
}

/** Records as comparable text; content that cannot be written as JSON compares as unreadable. */
export function fingerprint(records: Map<string, BoardRecord>): string {
  try {
    return JSON.stringify([...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  } catch {
    return 'unreadable'
  }
}

/** An honest note in the free area (left of and above every zone), where anyone may write. */
export function freeNote(id: string, authorId: string, text: string, offset = 0): BoardRecord {
  return noteRecord({ id, x: -3000 - offset, y: -3000, authorId, text })
}

/** The writer makes a note in the free area; true once every reader has it. */
export async function followUp(writer: Honest, readers: Honest[], tag: string): Promise<boolean> {
  const id = `shape:follow-${tag}`
  try {
    await writer.client.synced()
    writer.client.current.kv.set(id, freeNote(id, writer.id, `follow-up ${tag}`))
    await eventually(() => readers.every((r) => r.client.current.kv.get(id) !== undefined), 5000, id)
    return true
  } catch {
    return false
  }
}

/** Every honest client's records equal those of a client that joins now. */
export async function converges(server: BoardServer, roomId: string, parties: Honest[]): Promise<boolean> {
  const fresh = connectClient(server.url, roomId, { token: parties[0]?.token })
  try {
    await waitForSync(fresh)
    await eventually(
      () => parties.every((p) => fingerprint(recordsOf(p.client.current)) === fingerprint(recordsOf(fresh))),
      5000,
      'convergence',
    )
    return true
  } catch {
    return false
  } finally {
    fresh.destroy()
  }
}

/** How the hostile sender ended, as a yes or no for the outcome. */
export const refused = (verdict: Verdict) => verdict !== 'none'

/**
 * Restarts the server on the same data and joins the room with a fresh stock client: does it
 * load, does it hold pending state, does it hold what `forbidden` looks for (or the marker)?
 */
export async function afterRestart(
  server: BoardServer,
  roomId: string,
  token: string,
  marker: string,
  forbidden: (fresh: TestClient) => boolean = () => false,
): Promise<Pick<Outcome, 'reloads' | 'pendingAfterReload' | 'forbiddenAfterReload'>> {
  await server.restart()
  const status = await upgradeStatus(`${server.url.replace('http', 'ws')}/yjs/${roomId}`, { token })
  if (status.status !== 101) return { reloads: false, pendingAfterReload: false, forbiddenAfterReload: false }
  const fresh = connectClient(server.url, roomId, { token })
  try {
    await waitForSync(fresh)
    const store = fresh.doc.store
    return {
      reloads: true,
      pendingAfterReload: store.pendingStructs !== null || store.pendingDs !== null,
      forbiddenAfterReload: fresh.received().includes(marker) || forbidden(fresh),
    }
  } catch {
    return { reloads: false, pendingAfterReload: false, forbiddenAfterReload: false }
  } finally {
    fresh.destroy()
  }
}

/** Whether any honest client received `marker` (search after the hostile frame was handled). */
export function leaked(parties: Honest[], marker: string): boolean {
  return parties.some((p) => p.client.received().includes(marker))
}
