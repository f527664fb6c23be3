import { CloseCode } from '../../../shared/closeCodes'
import { meetingRoomId } from '../../../shared/wire'
import { ApiError } from '../http/apiError'
import type { RoomRegistry } from '../rooms/roomRegistry'
import type { MeetingStore, ParticipantRow } from '../storage/meetingStore'
import type { MeetingBus } from './meetingBus'
import { requireFacilitator } from './meetingRefusals'
import type { MeetingState } from './meetingState'
import { hashSecret, newSecret } from './secrets'

/** What removing someone needs of the meeting service (as joins have in meetingJoin.ts). */
export interface RemovalHost {
  store: MeetingStore
  state: MeetingState
  rooms: Pick<RoomRegistry, 'peek'>
  bus: MeetingBus
  now: () => number
  publish: (meetingId: string) => Promise<void>
}

/**
 * The facilitator removes someone from the meeting: their token is revoked (nothing opens with it
 * again, not the API, not a room), their connections close with CloseCode.removedByFacilitator on
 * every instance before this resolves, and the panel no longer lists them. The register keeps
 * the time they were there.
 */
export async function removeParticipant(
  host: RemovalHost,
  meetingId: string,
  actor: ParticipantRow,
  participantId: string,
): Promise<void> {
  requireFacilitator(actor)
  const target = await host.store.participant(participantId)
  if (!target || target.meetingId !== meetingId || target.removedAt !== null) {
    throw new ApiError(404, 'unknown_participant', 'No such participant in this meeting.')
  }
  if (target.id === actor.id) {
    throw new ApiError(409, 'cannot_remove_self', 'A begeleider cannot remove themselves.')
  }
  // Only an instance that knows it holds the current meeting may act on it (cluster lease).
  host.bus.ensureCurrent()
  // Nobody holds the secret of this hash: the old token opens nothing from this write on.
  await host.store.removeParticipant(participantId, host.now(), hashSecret(newSecret()))
  host.state.forgetParticipant(participantId)
  closeRemovedConnections(host, meetingId)
  await host.bus.changed(meetingId)
  await host.publish(meetingId)
}

/**
 * Closes this process's connections of people no longer in the meeting's state (removed here,
 * or on another instance: called after reading the meeting again).
 */
export function closeRemovedConnections(
  { rooms, state }: Pick<RemovalHost, 'rooms' | 'state'>,
  meetingId: string,
): void {
  const room = rooms.peek(meetingRoomId(meetingId))
  if (!room) return
  for (const conn of room.connections) {
    const id = conn.identity?.participantId
    if (id !== undefined && !state.participant(id))
      conn.close(CloseCode.removedByFacilitator, 'removed from the meeting by the facilitator')
  }
}
