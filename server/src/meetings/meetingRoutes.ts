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
const VoteBody = z.object({ noteId: z.string().min(1).max(200), cast: z.boolean() })

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
    const participant = await meetings.authenticate(token, c.req.param('id') ?? '')
    if (!participant)
      throw new MeetingError(403, 'invalid_session', 'Unknown or expired session for this meeting.')
    c.set('me', participant)
    await next()
  })

  return new Hono()
    .post('/', jsonBody(CreateBody), async (c) => {
      const body = c.req.valid('json')
      const created = await meetings.create(body.templateId, body.title)
      return c.json(
        {
          meetingId: created.meetingId,
          facilitatorPath: `/m/${created.meetingId}#begeleider=${created.facilitatorSecret}`,
          invitePath: invitePath(created.meetingId, created.inviteSecret),
        },
        201,
      )
    })
    .get('/:id/exists', async (c) => c.json({ exists: await meetings.exists(c.req.param('id')) }))
    .post('/:id/preview', jsonBody(SecretBody), async (c) =>
      c.json(await meetings.preview(c.req.param('id'), c.req.valid('json').secret)),
    )
    .post('/:id/facilitate', jsonBody(SessionBody), async (c) => {
      const body = c.req.valid('json')
      return c.json(await meetings.facilitate(c.req.param('id'), body.secret, body.name), 201)
    })
    .post('/:id/join', jsonBody(SessionBody), async (c) => {
      const body = c.req.valid('json')
      return c.json(await meetings.join(c.req.param('id'), body.secret, body.name), 201)
    })
    .post('/:id/invite', session, async (c) => {
      const meetingId = c.req.param('id')
      const { inviteSecret } = await meetings.renewInvite(meetingId, c.var.me)
      return c.json({ invitePath: invitePath(meetingId, inviteSecret) })
    })
    .get('/:id', session, async (c) => {
      const me = c.var.me
      return c.json({
        view: await meetings.view(c.req.param('id')),
        you: { id: me.id, role: me.role, name: me.name },
      })
    })
    .post('/:id/commands', session, jsonBody(MeetingCommand), async (c) =>
      c.json({ progress: await meetings.command(c.req.param('id'), c.var.me, c.req.valid('json')) }),
    )
    .post('/:id/votes', session, jsonBody(VoteBody), async (c) => {
      const body = c.req.valid('json')
      return c.json({ progress: await meetings.vote(c.req.param('id'), c.var.me, body.noteId, body.cast) })
    })
    .delete('/:id', session, async (c) => {
      await meetings.erase(c.req.param('id'), c.var.me)
      return c.json({ erased: true })
    })
    .post('/:id/roles', session, jsonBody(RoleBody), async (c) => {
      const body = c.req.valid('json')
      return c.json({
        participant: await meetings.assignRole(c.req.param('id'), c.var.me, body.participantId, body.role),
      })
    })
}
