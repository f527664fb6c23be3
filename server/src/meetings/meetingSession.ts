import { createMiddleware } from 'hono/factory'
import { ApiError } from '../http/apiError'
import type { ParticipantRow } from '../storage/meetingStore'
import type { MeetingService } from './meetingService'

/**
 * The Bearer session of a meeting route (`:id`): checked before the body is read, so a stranger
 * learns nothing from a bad body. The participant is `c.var.me` after it.
 */
export function meetingSession(meetings: Pick<MeetingService, 'authenticate'>) {
  return createMiddleware<{ Variables: { me: ParticipantRow } }>(async function session(c, next) {
    const token = c.req.header('Authorization')?.replace(/^Bearer\s+/i, '')
    const participant = await meetings.authenticate(token, c.req.param('id') ?? '')
    if (!participant)
      throw new ApiError(403, 'invalid_session', 'Unknown or expired session for this meeting.')
    c.set('me', participant)
    await next()
  })
}
