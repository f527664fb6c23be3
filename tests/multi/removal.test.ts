import { afterAll, beforeAll, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { api, createMeeting, joinMeeting, upgradeStatus } from '../helpers/meetingClient'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'

/**
 * Removing a participant on several instances: the facilitator removes through one instance, the
 * participant's board is connected to the other. Their socket there closes with the removal code
 * (a stock y-websocket client does not come back), and their token opens nothing on either.
 */
let cluster: Cluster
beforeAll(async () => {
  cluster = await startCluster(2)
}, 90_000)
afterAll(async () => {
  await cluster?.stop()
}, 90_000)

const A = () => cluster.instances[0]!.url
const B = () => cluster.instances[1]!.url

it('a participant removed through one instance is closed out on the other, for good', async () => {
  const meeting = await createMeeting(A(), 'intervisie-8-stappen')
  const eva = await joinMeeting(A(), meeting, 'Eva')
  const board = connectClient(B(), meeting.roomId, { token: eva.token })
  await waitForSync(board, 15_000)
  const closes: number[] = []
  board.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push(event.code)
  })

  const removed = await api(A(), `/meetings/${meeting.meetingId}/participants/${eva.id}`, {
    method: 'DELETE',
    token: meeting.facilitator.token,
  })
  expect(removed.status).toBe(200)
  await eventually(() => closes.length > 0, 15_000, 'the close on b')
  expect(closes[0]).toBe(CloseCode.removedByFacilitator)
  expect(board.provider.shouldConnect).toBe(false)

  for (const base of [A(), B()]) {
    const again = await upgradeStatus(`${base.replace(/^http/, 'ws')}/yjs/${meeting.roomId}`, {
      token: eva.token,
    })
    expect(again.status, base).toBe(401)
    expect((await api(base, `/meetings/${meeting.meetingId}`, { token: eva.token })).status, base).toBe(403)
  }
  board.destroy()
}, 90_000)
