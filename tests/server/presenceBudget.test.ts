import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { createMeeting, joinMeeting, type MeetingSetup } from '../helpers/meetingClient'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

/**
 * Issue 16, finding 4: one participant's sockets together get a presence budget in bytes per
 * second (here 20,000). Ten sockets of one participant each send 30 presence states of 8 KB as
 * fast as they can (2.4 MB); what another participant receives stays within the budget, and the
 * last state of each socket still arrives (held back and coalesced, not lost).
 */
const BUDGET = 20_000
let server: TestServer
let setup: MeetingSetup
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {}, env: { LIMIT_PRESENCE_BYTES_PER_SECOND: String(BUDGET) } })
  setup = await createMeeting(server.url, 'roddelmethode')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const connect = async (token: string) => {
  const client = connectClient(server.url, setup.roomId, { token })
  clients.push(client)
  await waitForSync(client)
  return client
}

it('passes one participant’s presence on within its byte budget, last states included', async () => {
  const piet = await joinMeeting(server.url, setup, 'Piet')
  const sockets = await Promise.all(Array.from({ length: 10 }, () => connect(piet.token)))
  const observer = await connect(setup.facilitator.token)
  const bytesBefore = observer.received().length
  const started = performance.now()
  const pad = 'x'.repeat(8000)
  for (let n = 0; n < 30; n++) {
    for (const socket of sockets) socket.provider.awareness.setLocalStateField('presence', { n, pad })
  }
  const lastSeen = () =>
    sockets.every((s) => {
      const state = observer.provider.awareness.getStates().get(s.doc.clientID) as
        | { presence?: { n?: number } }
        | undefined
      return state?.presence?.n === 29
    })
  await eventually(lastSeen, 20_000, 'the last state of every socket at the observer')
  const seconds = (performance.now() - started) / 1000
  const received = observer.received().length - bytesBefore
  console.log(`presence: ${received} bytes in ${seconds.toFixed(1)} s at the observer (budget ${BUDGET}/s)`)
  // The budget per second over the time it took, one second's burst, and a fifth for framing.
  expect(received).toBeLessThan(BUDGET * (seconds + 1) * 1.2)
}, 60_000)
