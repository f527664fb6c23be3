import { CloseCode } from '../../../shared/closeCodes'
import { MEETING_ROOM_PREFIX } from '../../../shared/wire'
import { ApiError } from '../http/apiError'
import type { MeetingBus } from '../meetings/meetingBus'
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
    private readonly registry: Pick<RoomRegistry, 'erase' | 'evict'>,
    private readonly activity: Pick<ActivityTracker, 'forget'>,
    /** The other instances, which close their connections to it too. */
    private readonly bus: Pick<MeetingBus, 'boardErased'>,
  ) {}

  /** Someone with the link erased it. Erasing a board that holds nothing is no error. */
  async erase(roomId: string): Promise<void> {
    requireFreeBoard(roomId)
    await this.eraseNow(roomId, 'link')
  }

  /** The retention sweep found it idle for the whole retention period. */
  async expire(roomId: string): Promise<void> {
    requireFreeBoard(roomId)
    await this.eraseNow(roomId, 'retention')
  }

  /** Connections closed and memory freed first, so nothing writes the room back after storage forgot it. */
  private async eraseNow(roomId: string, by: 'link' | 'retention'): Promise<void> {
    const [code, reason] = BOARD_GONE[by]
    await this.registry.erase(roomId, code, reason)
    this.activity.forget(roomId)
    await this.bus.boardErased(roomId, by)
  }

  /** Another instance erased a free board: its connections here close with the same code. */
  async erasedElsewhere(roomId: string, by: 'link' | 'retention'): Promise<void> {
    requireFreeBoard(roomId)
    const [code, reason] = BOARD_GONE[by]
    await this.registry.evict(roomId, code, reason)
    this.activity.forget(roomId)
  }
}

const BOARD_GONE = {
  link: [CloseCode.boardErased, 'board erased by someone with its link'],
  retention: [CloseCode.retentionExpired, 'board kept for its full retention period'],
} as const

function requireFreeBoard(roomId: string): void {
  if (!isValidRoomId(roomId) || roomId.startsWith(MEETING_ROOM_PREFIX)) {
    throw new ApiError(404, 'not_a_free_board', 'There is no free board with this link.')
  }
}
