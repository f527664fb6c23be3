/**
 * How a meeting change made through this process reaches the other instances' meeting state
 * (cluster/). Each resolves once every other instance holds the change, so a role change or an
 * erase is in force everywhere before the command answers. Alone, there is nobody to tell.
 */
export interface MeetingBus {
  /**
   * Throws (503) when this process cannot confirm it holds current meeting state: a command is
   * then refused before anything is stored. A change's announcement rejects (503) when not every
   * live instance confirmed it within seconds; the change is stored, the caller says so.
   */
  ensureCurrent(): void
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
  ensureCurrent: () => {},
  changed: async () => {},
  erased: async () => {},
  boardErased: async () => {},
}
