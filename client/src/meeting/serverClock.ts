import { meetingApi } from './meetingApi'

/**
 * The server's clock as seen from here: every timer in a meeting counts on the server's time, so
 * all screens show the same countdown whatever their own clocks say. The offset is measured with
 * a few round trips; the one with the shortest round trip wins.
 */
export async function measureServerOffset(samples = 3): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 }
  for (let i = 0; i < samples; i++) {
    const sent = Date.now()
    const { now } = await meetingApi.time()
    const received = Date.now()
    const rtt = received - sent
    if (rtt < best.rtt) best = { rtt, offset: now - (sent + rtt / 2) }
  }
  return best.offset
}
