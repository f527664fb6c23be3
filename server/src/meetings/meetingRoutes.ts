import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { MeetingCommand } from '../../../shared/phaseMachine'
import { RoleId } from '../../../shared/schema'
import type { GroupLifecycle } from '../groups/groupRoutes'
import { groupPath } from '../groups/groupRoutes'
import { ApiError } from '../http/apiError'
import { jsonBody } from '../http/jsonBody'
import { type ImportAccess, importAccess, oneImportAtATime } from '../imports/importGate'
import { type ImportParser, importBody } from '../imports/importParser'
import type { MeetingExporter } from '../lifecycle/meetingExport'
import type { MeetingImporter } from '../lifecycle/meetingImport'
import type { MeetingRetention } from '../lifecycle/meetingRetention'
import type { MeetingService } from './meetingService'
import { meetingSession } from './meetingSession'

const CreateBody = z.object({ templateId: z.string().min(1), title: z.string().max(120).default('') })
/** A join: the link's secret and a typed name, or a member's personal credential (its name is theirs). */
const SessionBody = z
  .object({
    secret: z.string().min(1).max(200).optional(),
    name: z.string().max(200).default(''),
    member: z.string().min(1).max(200).optional(),
  })
  .refine((b) => b.secret !== undefined || b.member !== undefined, { message: 'secret or member required' })
const SecretBody = z.object({ secret: z.string().min(1).max(200) })
const RoleBody = z.object({ participantId: z.string().min(1), role: RoleId })
const RetentionBody = z.object({ days: z.number().int() })

/** A meeting's life cycle: how long it is kept, its export, and making meetings from an export. */
export interface MeetingLifecycle {
  retention: MeetingRetention
  exporter: MeetingExporter
  importer: MeetingImporter
  /** The same for a group; a group's export is imported here too (the file says which it is). */
  group: GroupLifecycle
  /** Who may import, how large a file, and the worker thread that reads it (server/src/imports). */
  imports: { access: ImportAccess; maxBytes: number; parser: ImportParser }
}

/** Where an export file is imported: the only API route with a body over API_BODY_LIMIT_BYTES. */
export const IMPORT_PATH = '/api/meetings/import'

const importTooLarge = (max: number) => () => {
  throw new ApiError(400, 'import_too_large', 'The export file is larger than this server accepts.', {
    max,
  })
}
const VoteBody = z.object({ noteId: z.string().min(1).max(200), cast: z.boolean() })

const invitePath = (meetingId: string, secret: string) => `/m/${meetingId}#uitnodiging=${secret}`
const facilitatorPath = (meetingId: string, secret: string) => `/m/${meetingId}#begeleider=${secret}`

/**
 * The meeting API. Links carry secrets in their fragment (#), which browsers never send, so the
 * page exchanges them here for a session token; every other call carries that token as a Bearer.
 * Secrets travel only in request bodies, never in a URL (which ends up in logs and history).
 */
export function meetingRoutes(meetings: MeetingService, lifecycle: MeetingLifecycle) {
  const session = meetingSession(meetings)

  return new Hono()
    .post('/', jsonBody(CreateBody), async (c) => {
      const body = c.req.valid('json')
      const created = await meetings.create(body.templateId, body.title)
      return c.json(
        {
          meetingId: created.meetingId,
          facilitatorPath: facilitatorPath(created.meetingId, created.facilitatorSecret),
          invitePath: invitePath(created.meetingId, created.inviteSecret),
        },
        201,
      )
    })
    .post(
      '/import',
      importAccess(lifecycle.imports.access),
      oneImportAtATime(),
      bodyLimit({ maxSize: lifecycle.imports.maxBytes, onError: importTooLarge(lifecycle.imports.maxBytes) }),
      importBody(lifecycle.imports.parser),
      async (c) => {
        const file = c.req.valid('json')
        const { group } = file
        const imported = group
          ? await lifecycle.group.importer.import({ ...file, group })
          : { meetings: await lifecycle.importer.import(file) }
        const made = imported.meetings
        const meetings = made.map((m) => ({
          meetingId: m.meetingId,
          title: m.title,
          templateId: m.templateId,
          facilitatorPath: facilitatorPath(m.meetingId, m.facilitatorSecret),
          invitePath: invitePath(m.meetingId, m.inviteSecret),
        }))
        const madeGroup =
          'groupId' in imported
            ? { groupId: imported.groupId, groupPath: groupPath(imported.groupId, imported.groupSecret) }
            : null
        return c.json({ meetings, group: madeGroup }, 201)
      },
    )
    .get('/:id/exists', async (c) => c.json({ exists: await meetings.exists(c.req.param('id')) }))
    .post('/:id/preview', jsonBody(SecretBody), async (c) =>
      c.json(await meetings.preview(c.req.param('id'), c.req.valid('json').secret)),
    )
    .post('/:id/facilitate', jsonBody(SessionBody), async (c) => {
      const body = c.req.valid('json')
      return c.json(await meetings.facilitate(c.req.param('id'), body), 201)
    })
    .post('/:id/join', jsonBody(SessionBody), async (c) => {
      const body = c.req.valid('json')
      return c.json(await meetings.join(c.req.param('id'), body), 201)
    })
    .post('/:id/invite', session, async (c) => {
      const meetingId = c.req.param('id')
      const { inviteSecret } = await meetings.renewInvite(meetingId, c.var.me)
      return c.json({ invitePath: invitePath(meetingId, inviteSecret) })
    })
    .get('/:id', session, async (c) => {
      const me = c.var.me
      const view = await meetings.view(c.req.param('id'))
      return c.json({
        view,
        you: { id: me.id, role: me.role, name: me.name, memberId: me.memberId },
        // The method comes along, so the board needs no second round trip before it can show.
        template: meetings.libraryTemplate(view.templateId),
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
    .get('/:id/retention', session, async (c) =>
      c.json(await lifecycle.retention.view(c.req.param('id'), c.var.me)),
    )
    .put('/:id/retention', session, jsonBody(RetentionBody), async (c) =>
      c.json(await lifecycle.retention.setDays(c.req.param('id'), c.var.me, c.req.valid('json').days)),
    )
    .get('/:id/export', session, async (c) => {
      const file = await lifecycle.exporter.export(c.req.param('id'), c.var.me)
      // A download, not a page: the browser saves it under this name.
      c.header('Content-Disposition', 'attachment; filename="intervisiebord-export.json"')
      return c.json(file)
    })
    .delete('/:id/participants/:participantId', session, async (c) => {
      // The facilitator removes someone: their session ends everywhere and cannot come back.
      await meetings.remove(c.req.param('id'), c.var.me, c.req.param('participantId'))
      return c.json({ removed: true })
    })
    .post('/:id/roles', session, jsonBody(RoleBody), async (c) => {
      const body = c.req.valid('json')
      return c.json({
        participant: await meetings.assignRole(c.req.param('id'), c.var.me, body.participantId, body.role),
      })
    })
}
