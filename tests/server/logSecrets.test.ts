import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { upgradeStatus } from '../helpers/meetingClient'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'

/**
 * Issue 16, finding 8: a free board's link is its room id, so no log line may carry it: not on
 * join, refusal, leave or erasure. The log shows a hash instead, the same within one run.
 */

const BOARD = 'vrijbord-Geheim-4f9c2a7d1e'
let server: TestServer
const lines: string[] = []

beforeAll(async () => {
  server = await startTestServer({
    log: (line, fields) => lines.push(JSON.stringify({ msg: line, ...fields })),
    // One room socket per address at a time: the second is refused, and that is logged.
    env: { LIMIT_CONNECTIONS_PER_ADDRESS: '1' },
  })
})

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

it('no log line names a free board by its room id; its lines carry the same hash instead', async () => {
  const client = connectClient(server.url, BOARD)
  await waitForSync(client)
  expect((await upgradeStatus(`${server.url.replace('http', 'ws')}/yjs/${BOARD}`)).status).toBe(429)
  client.doc.getArray('x').push(['iets'])
  client.destroy()
  await eventually(() => lines.some((l) => l.includes('connection closed')), 3000, 'the close is logged')
  expect((await fetch(`${server.url}/api/boards/${BOARD}`, { method: 'DELETE' })).status).toBe(200)

  const boardLines = lines.filter((l) => l.includes('"room":"board#'))
  expect(boardLines.length).toBeGreaterThanOrEqual(3)
  expect(new Set(boardLines.map((l) => /"room":"(board#[0-9a-f]+)"/.exec(l)?.[1])).size).toBe(1)
  for (const line of lines) expect(line).not.toContain(BOARD)
})
