import { Hono } from 'hono'
import { z } from 'zod'
import { DraftUpload, SealedText, ShapeId } from '../../../shared/drafts/sealedDrafts'
import { jsonBody } from '../http/jsonBody'
import type { MeetingService } from '../meetings/meetingService'
import { meetingSession } from '../meetings/meetingSession'
import type { DraftService } from './draftService'

/** The author's new text of her anonymously revealed note: the server writes it, not her browser. */
const ResealBody = z.object({ sealed: SealedText })
const ZoneParam = z.string().regex(/^[a-z0-9-]{1,64}$/)

/**
 * /api/meetings/:id/drafts: sealed drafts; every route needs the meeting's session. There is no
 * route that hands anybody's drafts to anybody else: the server reveals them on the board itself.
 */
export function draftRoutes(meetings: MeetingService, drafts: DraftService) {
  const session = meetingSession(meetings)
  return new Hono()
    .get('/:id/drafts/mine', session, async (c) =>
      c.json({ drafts: await drafts.own(c.req.param('id'), c.var.me) }),
    )
    .put('/:id/drafts/mine/:zoneId', session, jsonBody(DraftUpload), async (c) => {
      const zoneId = ZoneParam.safeParse(c.req.param('zoneId'))
      if (!zoneId.success)
        return c.json({ error: 'invalid_body', field: 'zoneId', message: 'Not a zone id.' }, 400)
      const upload = c.req.valid('json')
      await drafts.putOwn(c.req.param('id'), c.var.me, zoneId.data, upload)
      return c.json({ stored: upload.drafts.length })
    })
    .get('/:id/drafts/progress', session, async (c) =>
      c.json({ progress: await drafts.progress(c.req.param('id'), c.var.me) }),
    )
    .post('/:id/drafts/revealed/:noteId/remove', session, async (c) => {
      const noteId = ShapeId.safeParse(c.req.param('noteId'))
      if (!noteId.success)
        return c.json({ error: 'invalid_body', field: 'noteId', message: 'Not a note id.' }, 400)
      await drafts.removeRevealed(c.req.param('id'), c.var.me, noteId.data)
      return c.json({ removed: noteId.data })
    })
    .put('/:id/drafts/revealed/:noteId/seal', session, jsonBody(ResealBody), async (c) => {
      const noteId = ShapeId.safeParse(c.req.param('noteId'))
      if (!noteId.success)
        return c.json({ error: 'invalid_body', field: 'noteId', message: 'Not a note id.' }, 400)
      await drafts.resealAnonymous(c.req.param('id'), c.var.me, noteId.data, c.req.valid('json').sealed)
      return c.json({ sealed: noteId.data })
    })
}
