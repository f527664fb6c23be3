import { meetingApi } from './meetingApi'

/**
 * The server's clock as seen from here: every timer in a meeting counts on the server's time, so
 * all screens show the same countdown whatever their own clocks say. The offset is measured with
 * a few requests sent together (one round trip, beside the meeting's own request, before the board
 * shows); the one with the shortest round trip wins.
 */
export async function measureServerOffset(samples = 3): Promise<number> {
  const measured = await Promise.all(
    Array.from({ length: samples }, async () => {
      const sent = Date.now()
      const { now } = await meetingApi.time()
      const rtt = Date.now() - sent
      return { rtt, offset: now - (sent + rtt / 2) }
    }),
  )
  return measured.reduce((best, sample) => (sample.rtt < best.rtt ? sample : best)).offset
}
