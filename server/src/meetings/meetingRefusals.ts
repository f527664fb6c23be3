import { ApiError } from '../http/apiError'
import type { ParticipantRow } from '../storage/meetingStore'

/** Refuses anyone but the begeleider, with the code the client words. */
export function requireFacilitator(actor: ParticipantRow): void {
  if (actor.role !== 'begeleider') {
    throw new ApiError(403, 'not_facilitator', 'Only the begeleider can do this.')
  }
}

/** A link that does not open anything: the same answer whether or not the meeting exists. */
export function invalidLink(): ApiError {
  return new ApiError(403, 'invalid_link', 'This link is not valid (any more).')
}
