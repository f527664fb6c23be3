import { MEETING_ROOM_PREFIX } from '../../../shared/wire'
import type { GroupStore } from '../storage/groupStore'
import { DAY_MS, type MeetingStore, type RetentionPolicy } from '../storage/meetingStore'
import type { RoomStore } from '../storage/roomStore'

/** How often the sweep runs (and once at start, so a server that was off long catches up). */
export const SWEEP_EVERY_MS = 60 * 60 * 1000
/** Erased per query; a sweep goes on until a query finds fewer. */
const BATCH = 100

export interface SweepDeps {
  meetings: Pick<MeetingStore, 'expired'>
  rooms: Pick<RoomStore, 'idleRooms'>
  groups: Pick<GroupStore, 'expired'>
  /** Erases a meeting as the facilitator's erase does (MeetingService.expire). */
  expireMeeting(meetingId: string): Promise<void>
  /** Erases a free board as its link's erase does (FreeBoards.expire). */
  expireBoard(roomId: string): Promise<void>
  /** Erases an expired group with the meetings that follow its retention (GroupService.expire). */
  expireGroup(groupId: string): Promise<void>
  policy: RetentionPolicy
  now: () => number
  log: (line: string, fields?: Record<string, unknown>) => void
}

export interface SweepResult {
  meetings: number
  boards: number
  groups: number
  failed: number
}

/**
 * Erases what was kept long enough: meetings idle for longer than their retention (their own days,
 * else the default, at most the operator's maximum) and free boards idle for longer than the
 * default, and groups idle for longer than theirs (with their meetings). Through the same erase paths as a person's erase, so the same guarantees hold (no
 * byte left under DATA_DIR, connections closed). One failure is logged and does not stop the rest.
 */
export class RetentionSweep {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<SweepResult> | null = null

  constructor(private readonly deps: SweepDeps) {}

  /** One sweep; a call while one runs waits for that one instead of starting a second. */
  sweep(): Promise<SweepResult> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null
      })
    }
    return this.running
  }

  start(everyMs = SWEEP_EVERY_MS): void {
    const go = () => {
      this.sweep().catch((error) => this.deps.log('retention sweep failed', { error: String(error) }))
    }
    go()
    this.timer = setInterval(go, everyMs)
    this.timer.unref()
  }

  /** Stops the timer and waits for a sweep under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running?.catch(() => {})
  }

  private async run(): Promise<SweepResult> {
    const { deps } = this
    const result: SweepResult = { meetings: 0, boards: 0, groups: 0, failed: 0 }
    const now = deps.now()
    const failedIds = new Set<string>()
    const eraseAll = async (
      ids: string[],
      erase: (id: string) => Promise<void>,
      kind: 'meetings' | 'boards' | 'groups',
    ) => {
      let fresh = 0
      for (const id of ids) {
        if (failedIds.has(id)) continue
        fresh++
        try {
          await erase(id)
          result[kind]++
        } catch (error) {
          failedIds.add(id)
          result.failed++
          // A free board's id is its link: as `room`, the log shows it hashed (logging/serverLog.ts).
          deps.log('retention sweep could not erase', {
            kind,
            ...(kind === 'boards' ? { room: id } : { id }),
            error: String(error),
          })
        }
      }
      // Go on only while the batch was full and brought something new (failures stay out).
      return ids.length === BATCH && fresh > 0
    }
    while (
      await eraseAll(await deps.meetings.expired(now, deps.policy, BATCH), deps.expireMeeting, 'meetings')
    ) {}
    // After the meetings: a group's meetings that follow it have gone in the pass above already.
    while (await eraseAll(await deps.groups.expired(now, deps.policy, BATCH), deps.expireGroup, 'groups')) {}
    const before = now - deps.policy.defaultDays * DAY_MS
    const boards = () => deps.rooms.idleRooms(before, { exceptPrefix: MEETING_ROOM_PREFIX, limit: BATCH })
    while (await eraseAll(await boards(), deps.expireBoard, 'boards')) {}
    if (result.meetings + result.boards + result.groups + result.failed > 0)
      deps.log('retention sweep', { ...result })
    return result
  }
}
