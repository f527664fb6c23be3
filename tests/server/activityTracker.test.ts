import { expect, it } from 'vitest'
import { ACTIVITY_WRITE_EVERY_MS, ActivityTracker } from '../../server/src/lifecycle/activityTracker'

/** A tracker over a list of writes and a clock the test moves. */
function tracked(write: (roomId: string, at: number) => Promise<void> = async () => {}) {
  let clock = 1_000_000
  const writes: Array<[string, number]> = []
  const tracker = new ActivityTracker(
    async (roomId, at) => {
      writes.push([roomId, at])
      await write(roomId, at)
    },
    () => clock,
  )
  return { tracker, writes, tick: (ms: number) => (clock += ms), now: () => clock }
}

it('writes a busy room’s time at most once a minute, each room on its own', () => {
  const { tracker, writes, tick } = tracked()
  for (let i = 0; i < 600; i++) {
    tracker.touch('bord-a')
    if (i % 3 === 0) tracker.touch('bord-b')
    tick(250) // four edits a second for two and a half minutes
  }
  const times = (room: string) => writes.filter(([r]) => r === room).map(([, at]) => at)
  expect(times('bord-a')).toEqual([1_000_000, 1_060_000, 1_120_000])
  expect(times('bord-b')).toEqual([1_000_000, 1_060_000, 1_120_000])
  for (const list of [times('bord-a'), times('bord-b')])
    for (let i = 1; i < list.length; i++)
      expect(list[i]! - list[i - 1]!).toBeGreaterThanOrEqual(ACTIVITY_WRITE_EVERY_MS)
})

it('writes again at once after the room was erased, and after a failed write', async () => {
  let fail = true
  const { tracker, writes, tick } = tracked(async () => {
    if (fail) throw new Error('storage away')
  })
  tracker.touch('bord')
  await new Promise((r) => setImmediate(r))
  fail = false
  tick(1000)
  tracker.touch('bord') // the first write failed: this one goes out
  tick(1000)
  tracker.touch('bord') // within the minute of a stored one: not written
  tracker.forget('bord')
  tick(1000)
  tracker.touch('bord') // erased and used again: a new board, written at once
  expect(writes.map(([, at]) => at - 1_000_000)).toEqual([0, 1000, 3000])
})
