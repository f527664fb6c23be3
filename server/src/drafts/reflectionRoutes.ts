import { Hono } from 'hono'
import { ReflectionUpload } from '../../../shared/outcome/sealedReflection'
import { jsonBody } from '../http/jsonBody'
import type { MeetingService } from '../meetings/meetingService'
import { meetingSession } from '../meetings/meetingSession'
import type { ReflectionService } from './reflectionService'

/**
 * /api/meetings/:id/reflection: the inbrenger's sealed reflection report of this meeting, and
 * /api/meetings/:id/look-back/reflection: the one of the meeting this one looks back on. Every
 * route needs the meeting's session; the sign-off takes who signs from it.
 */
export function reflectionRoutes(meetings: MeetingService, reflections: ReflectionService) {
  const session = meetingSession(meetings)
  return new Hono()
    .get('/:id/reflection', session, async (c) =>
      c.json({ reflection: await reflections.ofMeeting(c.req.param('id')) }),
    )
    .put('/:id/reflection', session, jsonBody(ReflectionUpload), async (c) =>
      c.json({
        reflection: await reflections.put(c.req.param('id'), c.var.me, c.req.valid('json').sealed),
      }),
    )
    .post('/:id/reflection/sign-off', session, async (c) =>
      c.json({ reflection: await reflections.signOff(c.req.param('id'), c.var.me, 'meeting') }),
    )
    .get('/:id/look-back/reflection', session, async (c) =>
      c.json({ reflection: await reflections.ofLookBack(c.req.param('id')) }),
    )
    .post('/:id/look-back/reflection/sign-off', session, async (c) =>
      c.json({ reflection: await reflections.signOff(c.req.param('id'), c.var.me, 'lookBack') }),
    )
}
