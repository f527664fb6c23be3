import { CloseCode } from '../../../templates/src/closeCodes'
import { MEETING_ROOM_PREFIX } from '../../../templates/src/wire'
import { MeetingError } from '../meetings/meetingService'
import { isValidRoomId } from '../rooms/roomId'
import type { RoomRegistry } from '../rooms/roomRegistry'
import type { ActivityTracker } from './activityTracker'

/**
 * Erasing free boards. A free board has no owner: its link (the room id, 128 random bits) is the
 * only key, so whoever holds it may erase it, as they may empty it by hand. A meeting's room is
 * never a free board: only its facilitator (or the retention sweep) erases it, with its meeting.
 */
export class FreeBoards {
  constructor(
    private readonly registry: Pick<RoomRegistry, 'erase'>,
    private readonly activity: Pick<ActivityTracker, 'forget'>,
  ) {}

  /** Someone with the link erased it. Erasing a board that holds nothing is no error. */
  async erase(roomId: string): Promise<void> {
    requireFreeBoard(roomId)
    await this.eraseNow(roomId, CloseCode.boardErased, 'board erased by someone with its link')
  }

  /** The retention sweep found it idle for the whole retention period. */
  async expire(roomId: string): Promise<void> {
    requireFreeBoard(roomId)
    await this.eraseNow(roomId, CloseCode.retentionExpired, 'board kept for its full retention period')
  }

  /** Connections closed and memory freed first, so nothing writes the room back after storage forgot it. */
  private async eraseNow(roomId: string, code: number, reason: string): Promise<void> {
    await this.registry.erase(roomId, code, reason)
    this.activity.forget(roomId)
  }
}

function requireFreeBoard(roomId: string): void {
  if (!isValidRoomId(roomId) || roomId.startsWith(MEETING_ROOM_PREFIX)) {
    throw new MeetingError(404, 'not_a_free_board', 'There is no free board with this link.')
  }
}
