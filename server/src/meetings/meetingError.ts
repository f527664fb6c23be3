import type { ParticipantRow } from '../storage/meetingStore'

/**
 * A failure the caller turns into an HTTP answer `{ error: code, ...data }`: a stable code and the
 * numbers or names the client needs to word it in its own language. The message is for logs and
 * curl; no client shows it.
 */
export class MeetingError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 503,
    readonly code: string,
    message: string,
    readonly data: Readonly<Record<string, string | number>> = {},
  ) {
    super(message)
  }
}

/** Refuses anyone but the begeleider, with the code the client words. */
export function requireFacilitator(actor: ParticipantRow): void {
  if (actor.role !== 'begeleider') {
    throw new MeetingError(403, 'not_facilitator', 'Only the begeleider can do this.')
  }
}

/** A link that does not open anything: the same answer whether or not the meeting exists. */
export function invalidLink(): MeetingError {
  return new MeetingError(403, 'invalid_link', 'This link is not valid (any more).')
}
