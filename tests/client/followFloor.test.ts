import { Box } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { FOLLOW_MIN_ZOOM, readableFollowView } from '../../client/src/meeting/follow/followFloor'

/**
 * Following the facilitator never goes below a readable zoom: a view of the whole board becomes
 * the part around its centre that a follower's screen shows at the floor.
 */
describe('readableFollowView', () => {
  it('keeps a view that is readable as it is', () => {
    const view = new Box(100, 200, 1600, 1000)
    expect(readableFollowView(view, 960)).toBe(view)
  })

  it('shows the part around the centre at the floor when the leader looks at more', () => {
    // The whole of method 5's board on a 960 px canvas: about 9 % zoom.
    const view = new Box(0, 0, 10_000, 6000)
    const shown = readableFollowView(view, 960)
    expect(960 / shown.width).toBeCloseTo(FOLLOW_MIN_ZOOM)
    expect(shown.center.x).toBeCloseTo(5000)
    expect(shown.center.y).toBeCloseTo(3000)
    // The same shape as the leader's view, so the follower's screen is filled the same way.
    expect(shown.width / shown.height).toBeCloseTo(10_000 / 6000)
  })
})
