import { newId } from '../meetings/secrets'
import type { ConnectionIdentity } from '../rooms/connection'
import type { GroupStore } from '../storage/groupStore'

type Log = (line: string, fields?: Record<string, unknown>) => void

/**
 * Writes down when each participant is connected to a meeting of a group, for the register: a row
 * when a connection joins the room, its end when it closes. Meetings outside a group are not
 * recorded (nobody needs their attendance). Never throws into the socket's handlers: a failed write
 * is logged and the meeting goes on.
 */
export class AttendanceRecorder {
  /** Per connection: the presence row being written (resolves to its id, or null if not recorded). */
  private readonly open = new Map<string, Promise<string | null>>()

  constructor(
    private readonly store: GroupStore,
    private readonly log: Log,
    private readonly now: () => number = Date.now,
  ) {}

  opened(connectionId: string, identity: ConnectionIdentity | null): void {
    if (!identity) return
    const joinedAt = this.now()
    const writing = this.recorded(identity.meetingId)
      .then(async (record) => {
        if (!record) return null
        const id = newId()
        await this.store.presenceOpened({
          id,
          meetingId: identity.meetingId,
          participantId: identity.participantId,
          joinedAt,
          leftAt: null,
        })
        return id
      })
      .catch((error) => {
        this.log('attendance not recorded', { error: (error as Error).message })
        return null
      })
    this.open.set(connectionId, writing)
  }

  closed(connectionId: string): void {
    const writing = this.open.get(connectionId)
    if (!writing) return
    this.open.delete(connectionId)
    const leftAt = this.now()
    // The close waits for its open: on Postgres the insert may still be on its way.
    void writing
      .then((id) => (id === null ? undefined : this.store.presenceClosed(id, leftAt)))
      .catch((error) => this.log('attendance end not recorded', { error: (error as Error).message }))
  }

  /**
   * Whether the meeting belongs to a group, asked at each connection (one primary-key read): not
   * kept, so a group erased on any instance stops being recorded at once.
   */
  private async recorded(meetingId: string): Promise<boolean> {
    return (await this.store.groupMeeting(meetingId)) !== undefined
  }
}
