import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { ApiError } from '../http/apiError'
import type { MeetingBus } from '../meetings/meetingBus'
import type { PeerHandlers, PeerUpdate, RoomPeers } from '../rooms/roomPeers'
import { redactUrl } from '../storage/postgres'
import { CommandConfirmation, notConfirmed } from './commandConfirmation'
import { InstanceLease } from './instanceLease'
import { decodePeerMessage, encodePeerMessage, type MeetingMessage, readMeetingMessage } from './peerMessages'

export interface RedisClusterOptions {
  url: string
  /** Every key and channel starts with this (several deployments, or test runs, on one Redis). */
  prefix: string
  log?: (line: string, fields?: Record<string, unknown>) => void
  /** How long an instance's lease lasts unrenewed (default 3 s); renewed every third of it. */
  instanceLeaseMs?: number
  /** How long a compaction lease lasts if its holder dies (default 30 s). */
  leaseMs?: number
}

/** What this instance does when another changed or erased a meeting; resolves once in force. */
export type MeetingListener = (kind: MeetingMessage['kind'], meetingId: string) => Promise<void>

const RELEASE_LEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

/**
 * Several server processes on one Redis: a room's stored updates and presence go out on the
 * room's channel (pub/sub) to every instance holding it; a compaction lease per room (SET NX PX)
 * lets one instance at a time compact; meeting changes go out on a shared channel and each
 * instance acknowledges once the change is in force there, so a command answers only after every
 * instance judges by it. Pub/sub may lose a message (a reconnect); rooms notice a gap in the
 * sequence numbers and read the log back from Postgres.
 */
export class RedisCluster implements RoomPeers, MeetingBus {
  readonly instanceId = randomBytes(9).toString('base64url')
  private readonly rooms = new Map<string, Set<PeerHandlers>>()
  private readonly acks = new Map<string, CommandConfirmation>()
  private meetingListener: MeetingListener = async () => {}
  private catchUp: () => Promise<void> = async () => {}
  private readonly lease: InstanceLease

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly options: RedisClusterOptions,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message))
    const leaseMs = options.instanceLeaseMs ?? 3000
    this.lease = new InstanceLease(
      pub,
      {
        prefix: options.prefix,
        instanceId: this.instanceId,
        leaseMs,
        renewMs: Math.ceil(leaseMs / 3),
        log: options.log,
      },
      () => sub.status === 'ready',
      () => this.catchUp(),
    )
    // Pub/sub is at-most-once: whatever was said while this connection was down is gone.
    sub.on('close', () => this.lease.missed())
  }

  /** Connects both Redis connections; throws naming the URL (without password) if Redis cannot be reached. */
  static async connect(options: RedisClusterOptions): Promise<RedisCluster> {
    const make = () => {
      const client = new Redis(options.url, {
        lazyConnect: true,
        connectTimeout: 5000,
        // Fail within a second instead of queueing while Redis is away: a command must answer.
        enableOfflineQueue: false,
        commandTimeout: 1000,
        retryStrategy: (times) => Math.min(times * 200, 2000),
      })
      let reported = false
      client.on('error', (error) => {
        if (!reported) options.log?.('redis connection error', { error: error.message })
        reported = true
      })
      client.on('ready', () => {
        reported = false
      })
      return client
    }
    const pub = make()
    const sub = make()
    try {
      await Promise.all([connectOnce(pub), connectOnce(sub)])
    } catch (error) {
      pub.disconnect()
      sub.disconnect()
      throw new Error(`Redis at ${redactUrl(options.url)} could not be reached: ${(error as Error).message}`)
    }
    const cluster = new RedisCluster(pub, sub, options)
    await sub.subscribe(cluster.meetingChannel, cluster.ackChannel(cluster.instanceId))
    await cluster.lease.start()
    return cluster
  }

  /** Whether this instance holds current meeting state (its lease runs and it has read since). */
  current(): boolean {
    return this.lease.current()
  }

  ensureCurrent(): void {
    if (!this.lease.current()) {
      throw new ApiError(
        503,
        'not_current',
        'This server instance cannot confirm it holds the current meeting state (Redis not reachable, or it is catching up). Try again in a few seconds.',
      )
    }
  }

  /** Who handles other instances' meeting changes here (set once, at start). */
  onMeeting(listener: MeetingListener, catchUp: () => Promise<void>): void {
    this.meetingListener = listener
    this.catchUp = catchUp
  }

  async subscribe(roomId: string, handlers: PeerHandlers): Promise<() => void> {
    let set = this.rooms.get(roomId)
    if (!set) {
      set = new Set()
      this.rooms.set(roomId, set)
    }
    set.add(handlers)
    if (set.size === 1) await this.sub.subscribe(this.roomChannel(roomId))
    return () => {
      const current = this.rooms.get(roomId)
      if (!current?.delete(handlers) || current.size > 0) return
      this.rooms.delete(roomId)
      this.sub.unsubscribe(this.roomChannel(roomId)).catch(() => {})
    }
  }

  publishUpdates(roomId: string, updates: readonly PeerUpdate[]): void {
    const message = encodePeerMessage({ kind: 'updates', from: this.instanceId, updates: [...updates] })
    this.pub.publish(this.roomChannel(roomId), message).catch((error) => this.log('publish failed', error))
  }

  publishAwareness(roomId: string, update: Uint8Array): void {
    const message = encodePeerMessage({ kind: 'awareness', from: this.instanceId, update })
    this.pub.publish(this.roomChannel(roomId), message).catch((error) => this.log('publish failed', error))
  }

  async withCompactionLease(roomId: string, fn: () => Promise<void>): Promise<boolean> {
    const key = `${this.options.prefix}lease:compact:${roomId}`
    const token = `${this.instanceId}:${randomBytes(6).toString('base64url')}`
    const taken = await this.pub.set(key, token, 'PX', this.options.leaseMs ?? 30_000, 'NX')
    if (taken !== 'OK') return false
    try {
      await fn()
    } finally {
      await this.pub.eval(RELEASE_LEASE, 1, key, token).catch(() => {})
    }
    return true
  }

  changed(meetingId: string): Promise<void> {
    return this.announce('changed', meetingId)
  }

  erased(meetingId: string, by: 'facilitator' | 'retention' = 'facilitator'): Promise<void> {
    return this.announce(by === 'retention' ? 'expired' : 'erased', meetingId)
  }

  boardErased(roomId: string, by: 'link' | 'retention'): Promise<void> {
    return this.announce(by === 'retention' ? 'boardExpired' : 'boardErased', roomId)
  }

  async close(): Promise<void> {
    await this.lease.stop()
    await Promise.allSettled([this.sub.quit(), this.pub.quit()])
  }

  private get meetingChannel(): string {
    return `${this.options.prefix}meetings`
  }

  private ackChannel(instanceId: string): string {
    return `${this.options.prefix}ack:${instanceId}`
  }

  private roomChannel(roomId: string): string {
    return `${this.options.prefix}room:${roomId}`
  }

  /**
   * Publishes a meeting change and waits until every other live instance confirmed it, or its
   * lease ran out; rejects (503, the change is stored) when that cannot be known within seconds.
   */
  private async announce(kind: MeetingMessage['kind'], meetingId: string): Promise<void> {
    const ack = randomBytes(9).toString('base64url')
    const leaseMs = this.options.instanceLeaseMs ?? 3000
    const confirmation = new CommandConfirmation(
      this.pub,
      this.options.prefix,
      this.instanceId,
      leaseMs + 1500,
    )
    this.acks.set(ack, confirmation)
    const message: MeetingMessage = { kind, meetingId, from: this.instanceId, ack }
    try {
      try {
        await this.pub.publish(this.meetingChannel, JSON.stringify(message))
      } catch (error) {
        this.log('a meeting change could not be announced to the other instances', error)
        throw notConfirmed(`Redis: ${(error as Error).message}`)
      }
      await confirmation.wait()
    } catch (error) {
      // Unconfirmed, but stored: an instance that did not hear it loses its lease within one
      // lease time unless it still reaches Redis, and then reads the meetings again before it
      // judges. The answer waits that long, so what it says still holds when the caller acts.
      // Counted from the failure: a renewal that got through was sent before Redis fell silent.
      await new Promise((resolve) => setTimeout(resolve, leaseMs))
      throw error
    } finally {
      this.acks.delete(ack)
    }
  }

  private onMessage(channel: string, message: Buffer): void {
    try {
      if (channel === this.meetingChannel) {
        this.onMeetingMessage(message.toString())
      } else if (channel === this.ackChannel(this.instanceId)) {
        const [ack = '', from = ''] = message.toString().split(' ')
        this.acks.get(ack)?.ack(from)
      } else if (channel.startsWith(`${this.options.prefix}room:`)) {
        const handlers = this.rooms.get(channel.slice(`${this.options.prefix}room:`.length))
        if (!handlers) return
        const decoded = decodePeerMessage(message)
        if (decoded.from === this.instanceId) return
        for (const h of handlers) {
          if (decoded.kind === 'updates') h.updates(decoded.updates)
          else h.awareness(decoded.update)
        }
      }
    } catch (error) {
      this.log('a message from another instance could not be handled', error)
    }
  }

  private onMeetingMessage(text: string): void {
    const message = readMeetingMessage(text)
    if (!message || message.from === this.instanceId) return
    // Confirmed only once in force here; a failure leaves the sender waiting until its timeout.
    // Not applied: this instance gives up its lease (the sender stops waiting for it) and judges
    // nothing until it has read every meeting again.
    this.meetingListener(message.kind, message.meetingId)
      .then(() => this.pub.publish(this.ackChannel(message.from), `${message.ack} ${this.instanceId}`))
      .catch((error) => {
        this.log('applying another instance’s meeting change failed', error)
        this.lease.missed()
      })
  }

  private log(line: string, error: unknown): void {
    this.options.log?.(line, { error: error instanceof Error ? error.message : String(error) })
  }
}

/** Connects once, failing instead of retrying forever when Redis is not there at start. */
async function connectOnce(client: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5000)
  })
  try {
    await Promise.race([client.connect(), timeout])
  } finally {
    clearTimeout(timer)
  }
}
