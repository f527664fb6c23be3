import { Hono } from 'hono'
import { z } from 'zod'
import { MeetingCommand } from '../../../templates/src/phaseMachine'
import { RoleId } from '../../../templates/src/schema'
import type { ParticipantRow } from '../storage/meetingStore'
import { MeetingError, type MeetingService } from './meetingService'

const CreateBody = z.object({ templateId: z.string().min(1), title: z.string().max(120).default('') })
const SessionBody = z.object({ secret: z.string().min(1).max(200), name: z.string().max(200) })
const RoleBody = z.object({ participantId: z.string().min(1), role: RoleId })

/**
 * The meeting API. Links carry secrets in their fragment (#), which browsers never send, so the
 * page exchanges them here for a session token; every other call carries that token as a Bearer.
 */
export function meetingRoutes(meetings: MeetingService) {
  const authed = (token: string | undefined, meetingId: string): ParticipantRow => {
    const participant = meetings.authenticate(token?.replace(/^Bearer\s+/i, ''), meetingId)
    if (!participant)
      throw new MeetingError(403, 'invalid_session', 'Unknown or expired session for this meeting.')
    return participant
  }

  return new Hono()
    .post('/', async (c) => {
      const body = CreateBody.safeParse(await readJson(c.req.raw))
      if (!body.success) throw badBody(body.error)
      const created = meetings.create(body.data.templateId, body.data.title)
      return c.json(
        {
          meetingId: created.meetingId,
          facilitatorPath: `/m/${created.meetingId}#begeleider=${created.facilitatorSecret}`,
          invitePath: `/m/${created.meetingId}#uitnodiging=${created.inviteSecret}`,
        },
        201,
      )
    })
    .post('/:id/facilitate', async (c) => {
      const body = SessionBody.safeParse(await readJson(c.req.raw))
      if (!body.success) throw badBody(body.error)
      return c.json(meetings.facilitate(c.req.param('id'), body.data.secret, body.data.name), 201)
    })
    .post('/:id/join', async (c) => {
      const body = SessionBody.safeParse(await readJson(c.req.raw))
      if (!body.success) throw badBody(body.error)
      return c.json(meetings.join(c.req.param('id'), body.data.secret, body.data.name), 201)
    })
    .get('/:id', (c) => {
      const me = authed(c.req.header('Authorization'), c.req.param('id'))
      return c.json({
        view: meetings.view(c.req.param('id')),
        you: { id: me.id, role: me.role, name: me.name },
      })
    })
    .post('/:id/commands', async (c) => {
      const me = authed(c.req.header('Authorization'), c.req.param('id'))
      const body = MeetingCommand.safeParse(await readJson(c.req.raw))
      if (!body.success) throw badBody(body.error)
      return c.json({ progress: meetings.command(c.req.param('id'), me, body.data) })
    })
    .delete('/:id', (c) => {
      const me = authed(c.req.header('Authorization'), c.req.param('id'))
      meetings.erase(c.req.param('id'), me)
      return c.json({ erased: true })
    })
    .post('/:id/roles', async (c) => {
      const me = authed(c.req.header('Authorization'), c.req.param('id'))
      const body = RoleBody.safeParse(await readJson(c.req.raw))
      if (!body.success) throw badBody(body.error)
      return c.json({
        participant: meetings.assignRole(c.req.param('id'), me, body.data.participantId, body.data.role),
      })
    })
}

async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json()
  } catch {
    throw new MeetingError(400, 'invalid_json', 'The request body is not valid JSON.')
  }
}

function badBody(error: z.ZodError): MeetingError {
  const first = error.issues[0]
  const where = first?.path.length ? first.path.join('.') : 'body'
  return new MeetingError(400, 'invalid_body', `${where}: ${first?.message ?? 'invalid'}`)
}
