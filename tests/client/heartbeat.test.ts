import { describe, expect, it } from 'vitest'
import {
  ANSWER_WITHIN_MS,
  HEARTBEAT_TICK_MS,
  Heartbeat,
  type HeartbeatSocket,
  PING_AFTER_MS,
} from '../../client/src/collab/heartbeat'

/**
 * The heartbeat notices a silent connection within 5 s of its last message, asks the server only
 * when the board is quiet, and does not take a throttled background tab for offline.
 */
class FakeSocket implements HeartbeatSocket {
  open = true
  last = 0
  pings: number[] = []
  /** When set, the server answers each ping after this many ms. */
  answerAfter: number | null = 100
  constructor(private readonly clock: { now: number }) {}
  connected = () => this.open
  lastMessageAt = () => this.last
  ping = () => {
    this.pings.push(this.clock.now)
  }
  /** Delivers the answers due by now. */
  deliver() {
    if (this.answerAfter === null) return
    for (const at of this.pings)
      if (at + this.answerAfter <= this.clock.now) this.last = Math.max(this.last, at + this.answerAfter)
  }
}

function setup() {
  const clock = { now: 0 }
  const socket = new FakeSocket(clock)
  const silentAt: number[] = []
  const heartbeat = new Heartbeat(
    socket,
    () => silentAt.push(clock.now),
    () => clock.now,
  )
  /** Runs ticks every HEARTBEAT_TICK_MS (or `every`) until `until`. */
  const run = (until: number, every = HEARTBEAT_TICK_MS) => {
    while (clock.now + every <= until) {
      clock.now += every
      socket.deliver()
      heartbeat.tick()
    }
  }
  return { clock, socket, silentAt, run }
}

describe('the heartbeat', () => {
  it('never pings a board that keeps talking (the others’ cursors)', () => {
    const { clock, socket, silentAt, run } = setup()
    for (let t = 0; t < 60_000; t += HEARTBEAT_TICK_MS) {
      socket.last = clock.now // a message every tick
      run(clock.now + HEARTBEAT_TICK_MS)
    }
    expect(socket.pings).toEqual([])
    expect(silentAt).toEqual([])
  })

  it('pings a quiet board about every two seconds and stays calm while the server answers', () => {
    const { socket, silentAt, run } = setup()
    run(60_000)
    expect(silentAt).toEqual([])
    expect(socket.pings.length).toBeGreaterThan(20)
    expect(socket.pings.length).toBeLessThanOrEqual(60_000 / PING_AFTER_MS)
  })

  it('reports silence within 5 s of the last message when nothing answers', () => {
    const { clock, socket, silentAt, run } = setup()
    run(10_000)
    const lastMessage = socket.last
    socket.answerAfter = null // the network is gone; the socket still says "open"
    run(30_000)
    expect(silentAt.length).toBeGreaterThan(0)
    expect(silentAt[0]! - lastMessage).toBeLessThanOrEqual(
      PING_AFTER_MS + HEARTBEAT_TICK_MS + ANSWER_WITHIN_MS,
    )
    expect(silentAt[0]! - lastMessage).toBeLessThanOrEqual(5000)
    expect(clock.now).toBe(30_000)
  })

  it('does not take a throttled background tab for offline: silence is judged against its own ping', () => {
    const { socket, silentAt, run } = setup()
    run(600_000, 60_000) // timers once a minute, answers arrive meanwhile
    expect(socket.pings.length).toBeGreaterThan(0)
    expect(silentAt).toEqual([])
  })

  it('does nothing while the socket is closed (y-websocket reconnects it)', () => {
    const { socket, silentAt, run } = setup()
    socket.open = false
    socket.answerAfter = null
    run(20_000)
    expect(socket.pings).toEqual([])
    expect(silentAt).toEqual([])
  })
})
