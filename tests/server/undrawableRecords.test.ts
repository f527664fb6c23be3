import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { honestFollowUp } from '../helpers/followUp'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { createMeeting, joinMeeting, type MeetingSetup, ResettingClient } from '../helpers/meetingClient'
import { writeRecordsIntoStorage } from '../helpers/storedRecords'
import { decryptedRoomBytes } from '../helpers/throughKeys'
import { honestShapes, undrawableRecords } from '../helpers/undrawableRecords'
import { eventually } from '../helpers/yjsClient'

/**
 * The drawing rule through real sockets: a stock y-websocket client sends what the editor cannot
 * draw, the server refuses it with the rule's code, and nobody else nor storage ever holds it.
 * And a board that holds such a record already (written into storage directly) still loads, and
 * only its removal by the begeleider changes it.
 */

let server: TestServer
let setup: MeetingSetup
let olga: ResettingClient & { id: string }
const clients: ResettingClient[] = []
const FREE = { x: -3000, y: -3000 }

beforeAll(async () => {
  server = await startTestServer()
  setup = await createMeeting(server.url, 'roddelmethode')
  olga = await participant('Olga')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

async function participant(name: string, token?: string) {
  const p = token ? { token, id: setup.facilitator.id } : await joinMeeting(server.url, setup, name)
  const client = new ResettingClient(server.url, setup.roomId, p.token)
  clients.push(client)
  await client.synced()
  return Object.assign(client, { id: p.id })
}

/** Every room's stored updates and snapshots, decrypted with their keys (what the server loads). */
function storedBytes(): Buffer {
  return decryptedRoomBytes(server.dataDir)
}

describe('the server refuses what the editor cannot draw', () => {
  it('refuses each broken rich text and each out-of-bounds shape with its code, and keeps it from everyone', async () => {
    const sam = await participant('Sam')
    const cases = undrawableRecords('probe', FREE, sam.id, 'x').length
    for (let i = 0; i < cases; i++) {
      const marker = `UNDRAWABLE-${i}-MARKER`
      const { name, code, record } = undrawableRecords(`u${i}`, FREE, sam.id, marker)[i]!
      const before = sam.refusals.length
      sam.current.kv.set(record.id, record)
      await eventually(() => sam.refusals.length === before + 1, 10_000, `refusal of ${name}`)
      const refusal = sam.refusals.at(-1)!
      expect(refusal.code, name).toBe('forbidden')
      // Over the text limit first (the huge points array), the rule's own code otherwise.
      if (code !== 'tooManyPoints') expect(refusal.en, name).toContain(`(${code} at`)
      await honestFollowUp(sam, olga, `shape:sam-after-${i}`)
      expect(olga.current.kv.get(record.id), name).toBeUndefined()
      expect(storedBytes().includes(record.id), name).toBe(false)
    }
  }, 120_000)

  it('refuses NaN, which Yjs carries where JSON cannot', async () => {
    const nina = await participant('Nina')
    const geo = honestShapes('nan', FREE, nina.id).geo
    nina.current.kv.set(geo.id, { ...geo, props: { ...geo.props, w: Number.NaN } })
    await eventually(() => nina.refusals.length === 1, 5000, 'refusal of NaN')
    await honestFollowUp(nina, olga, 'shape:nina-after')
    expect(olga.current.kv.get(geo.id)).toBeUndefined()
  })
})

describe('a board with an undrawable record in storage', () => {
  it('loads, refuses every edit that keeps the record, and takes the begeleider removing it', async () => {
    const stored = undrawableRecords('old', FREE, olga.id, 'OLD-MARKER')
    const broken = [
      stored[0]!,
      stored.find((u) => u.code === 'zeroLength')!,
      stored.find((u) => u.code === 'outOfBounds')!,
    ]
    const records: BoardRecord[] = broken.map((u, i) => ({ ...u.record, id: `shape:old-${i}` }))
    for (const c of clients.splice(0)) c.destroy()
    await server.stop()
    writeRecordsIntoStorage(DB_FILE(server.dataDir), setup.roomId, records)
    server = await startTestServer({ dataDir: server.dataDir })

    olga = await participant('Olga', (await joinMeeting(server.url, setup, 'Olga 2')).token)
    const bea = await participant('Bea', setup.facilitator.token)
    for (const r of records) expect(olga.current.kv.get(r.id), r.id).toBeDefined()

    // Olga, the author, moves one: still undrawable, so refused.
    const first = records[0]!
    olga.current.kv.set(first.id, { ...first, x: -2900 })
    await eventually(() => olga.refusals.length === 1, 5000, 'refusal of an edit that keeps it')
    expect(olga.refusals[0]!.en).toContain('(richText at')

    // The begeleider removes all three at once; everyone, and a newcomer, is rid of them.
    bea.current.doc.transact(() => {
      for (const r of records) bea.current.kv.delete(r.id)
    })
    await eventually(
      () => records.every((r) => olga.current.kv.get(r.id) === undefined),
      5000,
      'removal reaches olga',
    )
    expect(bea.refusals).toEqual([])
    const newcomer = await participant('Nieuw')
    for (const r of records) expect(newcomer.current.kv.get(r.id)).toBeUndefined()
  })
})
