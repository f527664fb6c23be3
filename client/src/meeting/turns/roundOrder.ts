import type { RoleId } from '../../../../shared/schema'
import type { ParticipantView } from '../../../../shared/wire'
import type { PresenceStatus } from '../presence/presence'

/** Who leads, watches or brings the case takes no turn in a round of questions or advice. */
const NO_TURN: ReadonlySet<RoleId> = new Set(['begeleider', 'observer', 'inbrenger'])

/**
 * The order a new round proposes: the members present (online or away; everyone while this
 * browser cannot know who is here), in the order of the participant list, without the begeleider,
 * observers and the inbrenger. The facilitator can leave people out before starting.
 */
export function proposedOrder(
  participants: readonly ParticipantView[],
  present: ReadonlyMap<string, Exclude<PresenceStatus, 'left'>> | null,
): ParticipantView[] {
  return participants.filter((p) => !NO_TURN.has(p.role) && (present === null || present.has(p.id)))
}
