import { checkGroupMembers } from '../../../shared/groupWork'
import { currentPhase, type MeetingCommand, type MeetingProgress } from '../../../shared/phaseMachine'
import type { RoleId } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import { ApiError } from '../http/apiError'

/**
 * A split into pairs names people: each must be of this meeting and take part in the phase's
 * group work (not the begeleider or observer; the inbrenger only where the method lets them
 * write). The phase machine cannot know the people, so the server checks them here, against the
 * phase in force when the command is applied.
 */
export function requireGroupMembers(
  template: Template,
  progress: MeetingProgress,
  command: MeetingCommand,
  people: readonly { id: string; role: RoleId }[],
): void {
  if (command.type !== 'splitGroups') return
  const phase = currentPhase(template, progress)
  if (!phase?.groupWork) return // the phase machine refuses it, with its own reason
  const check = checkGroupMembers(phase, command.groups, people)
  if (check.ok) return
  throw new ApiError(409, 'group_member_refused', `participant ${check.participantId}: ${check.reason}`, {
    participantId: check.participantId,
    reason: check.reason,
  })
}
