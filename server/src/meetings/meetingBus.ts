/**
 * How a meeting change made through this process reaches the other instances' meeting state
 * (cluster/). Each resolves once every other instance holds the change, so a role change or an
 * erase is in force everywhere before the command answers. Alone, there is nobody to tell.
 */
export interface MeetingBus {
  /** Phase, roles or participants changed: the others read the meeting again. */
  changed(meetingId: string): Promise<void>
  /**
   * The meeting was erased (by its facilitator, or at the end of its retention period): the
   * others close its connections, saying which, and forget it.
   */
  erased(meetingId: string, by?: 'facilitator' | 'retention'): Promise<void>
  /** A free board was erased (by someone with its link, or at the end of the retention period). */
  boardErased(roomId: string, by: 'link' | 'retention'): Promise<void>
}

export const LOCAL_MEETING_BUS: MeetingBus = {
  changed: async () => {},
  erased: async () => {},
  boardErased: async () => {},
}
