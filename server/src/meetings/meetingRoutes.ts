import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import { MeetingCommand } from '../../../templates/src/phaseMachine'
import { RoleId } from '../../../templates/src/schema'
import { jsonBody } from '../http/jsonBody'
import type { ParticipantRow } from '../storage/meetingStore'
import { MeetingError, type MeetingService } from './meetingService'

const CreateBody = z.object({ templateId: z.string().min(1), title: z.string().max(120).default('') })
const SessionBody = z.object({ secret: z.string().min(1).max(200), name: z.string().max(200) })
const SecretBody = z.object({ secret: z.string().min(1).max(200) })
const RoleBody = z.object({ participantId: z.string().min(1), role: RoleId })

const invitePath = (meetingId: string, secret: string) => `/m/${meetingId}#uitnodiging=${secret}`

/**
 * The meeting API. Links carry secrets in their fragment (#), which browsers never send, so the
 * page exchanges them here for a session token; every other call carries that token as a Bearer.
 * Secrets travel only in request bodies, never in a URL (which ends up in logs and history).
 */
export function meetingRoutes(meetings: MeetingService) {
  // The session is checked before the body is read: a stranger learns nothing from a bad body.
  const session = createMiddleware<{ Variables: { me: ParticipantRow } }>(async function session(c, next) {
    const token = c.req.header('Authorization')?.replace(/^Bearer\s+/i, '')
    const participant = meetings.authenticate(token, c.req.param('id') ?? '')
    if (!participant)
      throw new MeetingError(403, 'invalid_session', 'Unknown or expired session for this meeting.')
    c.set('me', participant)
    await next()
  })

  return new Hono()
    .post('/', jsonBody(CreateBody), (c) => {
      const body = c.req.valid('json')
      const created = meetings.create(body.templateId, body.title)
      return c.json(
        {
          meetingId: created.meetingId,
          facilitatorPath: `/m/${created.meetingId}#begeleider=${created.facilitatorSecret}`,
          invitePath: invitePath(created.meetingId, created.inviteSecret),
        },
        201,
      )
    })
    .get('/:id/exists', (c) => c.json({ exists: meetings.exists(c.req.param('id')) }))
    .post('/:id/preview', jsonBody(SecretBody), (c) =>
      c.json(meetings.preview(c.req.param('id'), c.req.valid('json').secret)),
    )
    .post('/:id/facilitate', jsonBody(SessionBody), (c) => {
      const body = c.req.valid('json')
      return c.json(meetings.facilitate(c.req.param('id'), body.secret, body.name), 201)
    })
    .post('/:id/join', jsonBody(SessionBody), (c) => {
      const body = c.req.valid('json')
      return c.json(meetings.join(c.req.param('id'), body.secret, body.name), 201)
    })
    .post('/:id/invite', session, (c) => {
      const meetingId = c.req.param('id')
      const { inviteSecret } = meetings.renewInvite(meetingId, c.var.me)
      return c.json({ invitePath: invitePath(meetingId, inviteSecret) })
    })
    .get('/:id', session, (c) => {
      const me = c.var.me
      return c.json({
        view: meetings.view(c.req.param('id')),
        you: { id: me.id, role: me.role, name: me.name },
      })
    })
    .post('/:id/commands', session, jsonBody(MeetingCommand), (c) =>
      c.json({ progress: meetings.command(c.req.param('id'), c.var.me, c.req.valid('json')) }),
    )
    .delete('/:id', session, (c) => {
      meetings.erase(c.req.param('id'), c.var.me)
      return c.json({ erased: true })
    })
    .post('/:id/roles', session, jsonBody(RoleBody), (c) => {
      const body = c.req.valid('json')
      return c.json({
        participant: meetings.assignRole(c.req.param('id'), c.var.me, body.participantId, body.role),
      })
    })
}
