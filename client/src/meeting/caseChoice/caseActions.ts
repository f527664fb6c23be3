import type { MeetingCommand } from '../../../../shared/phaseMachine'

/** What the notes list may ask of the server for choosing the case: a vote, a facilitator command. */
export interface CaseActions {
  vote(noteId: string, cast: boolean): Promise<void>
  command(command: MeetingCommand): Promise<void>
}
