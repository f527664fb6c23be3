import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import { attendanceCsv } from '../../../shared/groups/attendanceCsv'
import { GROUP_TIME_ZONE } from '../../../shared/groups/groupTime'
import { FOLLOW_UP_MAX } from '../../../shared/groups/lookBack'
import { ApiError } from '../http/apiError'
import { jsonBody } from '../http/jsonBody'
import type { MeetingService } from '../meetings/meetingService'
import type { GroupRow } from '../storage/groupStore'
import type { ParticipantRow } from '../storage/meetingStore'
import type { GroupExporter } from './groupExport'
import type { GroupImporter } from './groupImport'
import type { GroupRetention } from './groupRetention'
import { GROUP_MEMBERS_MAX, GROUP_NAME_MAX, type GroupService } from './groupService'

/** A group's life cycle: its export, making a group from one, how long it is kept. */
export interface GroupLifecycle {
  exporter: GroupExporter
  importer: GroupImporter
  retention: GroupRetention
}

const CreateGroupBody = z.object({
  name: z.string().trim().min(1).max(GROUP_NAME_MAX),
  members: z.array(z.string().max(40)).max(GROUP_MEMBERS_MAX).default([]),
})
const CreateMeetingBody = z.object({
  templateId: z.string().min(1),
  title: z.string().max(120).default(''),
  /** When the meeting is planned to start (ms since the epoch), for the register. */
  plannedStart: z.number().int().min(0).max(8.64e15).nullable().default(null),
})
const FollowUpBody = z.object({ text: z.string().max(FOLLOW_UP_MAX) })
const RetentionBody = z.object({ days: z.number().int() })

const bearerOf = (header: string | undefined) => header?.replace(/^Bearer\s+/i, '') ?? null
export const groupPath = (groupId: string, secret: string) => `/g/${groupId}#groep=${secret}`

/**
 * The group API. The group link carries its secret in the fragment; the page sends it as a
 * Bearer. A facilitator's meeting session opens the group too (for the register from the board).
 */
export function groupRoutes(groups: GroupService, lifecycle: GroupLifecycle) {
  // What concerns the whole group (its export, how long it is kept): the group link only.
  const linkOnly = createMiddleware<{ Variables: { group: GroupRow } }>(async function linkOnly(c, next) {
    c.set(
      'group',
      await groups.authorizeLink(c.req.param('id') ?? '', bearerOf(c.req.header('Authorization'))),
    )
    await next()
  })
  const groupAccess = createMiddleware<{ Variables: { group: GroupRow } }>(
    async function groupAccess(c, next) {
      c.set('group', await groups.authorize(c.req.param('id') ?? '', bearerOf(c.req.header('Authorization'))))
      await next()
    },
  )

  return (
    new Hono()
      .post('/', jsonBody(CreateGroupBody), async (c) => {
        const body = c.req.valid('json')
        const created = await groups.create(body.name, body.members)
        return c.json(
          { groupId: created.groupId, groupPath: groupPath(created.groupId, created.groupSecret) },
          201,
        )
      })
      .get('/:id', groupAccess, async (c) =>
        c.json(await groups.view(c.var.group, bearerOf(c.req.header('Authorization')))),
      )
      // A member's personal link: who they are and the meetings they may join (their credential only).
      .get('/:id/member', async (c) =>
        c.json(await groups.memberHome(c.req.param('id'), bearerOf(c.req.header('Authorization')))),
      )
      .post('/:id/members/:memberId/link', linkOnly, async (c) => {
        // A new personal link for one member (the group link only): their old one stops working.
        const secret = bearerOf(c.req.header('Authorization')) ?? ''
        return c.json({ member: await groups.renewMemberLink(c.var.group, secret, c.req.param('memberId')) })
      })
      .post('/:id/link', linkOnly, async (c) => {
        // A new group link; the old one stops working (the group link only, as for erasing).
        const { groupSecret } = await groups.renewLink(c.var.group)
        return c.json({ groupPath: groupPath(c.var.group.id, groupSecret) })
      })
      .post('/:id/meetings', groupAccess, jsonBody(CreateMeetingBody), async (c) => {
        const body = c.req.valid('json')
        const created = await groups.createMeeting(
          c.var.group,
          body.templateId,
          body.title,
          body.plannedStart,
        )
        return c.json(
          {
            meetingId: created.meetingId,
            facilitatorPath: `/m/${created.meetingId}#begeleider=${created.facilitatorSecret}`,
            invitePath: `/m/${created.meetingId}#uitnodiging=${created.inviteSecret}`,
          },
          201,
        )
      })
      .delete('/:id', async (c) => {
        await groups.erase(c.req.param('id'), bearerOf(c.req.header('Authorization')))
        return c.json({ erased: true })
      })
      .get('/:id/export', linkOnly, async (c) => {
        const file = await lifecycle.exporter.export(c.var.group)
        // A download, not a page: the browser saves it under this name.
        c.header('Content-Disposition', 'attachment; filename="intervisiebord-groep.json"')
        c.header('Cache-Control', 'no-store')
        return c.json(file)
      })
      .get('/:id/retention', groupAccess, async (c) => c.json(await lifecycle.retention.view(c.var.group)))
      .put('/:id/retention', linkOnly, jsonBody(RetentionBody), async (c) =>
        c.json(await lifecycle.retention.setDays(c.var.group, c.req.valid('json').days)),
      )
      .get('/:id/attendance', groupAccess, async (c) =>
        c.json({
          name: c.var.group.name,
          timeZone: GROUP_TIME_ZONE,
          rows: await groups.attendance(c.var.group),
        }),
      )
      .get('/:id/attendance.csv', groupAccess, async (c) => {
        const csv = attendanceCsv(await groups.attendance(c.var.group), GROUP_TIME_ZONE)
        return c.body(csv, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="presentielijst.csv"',
          'Cache-Control': 'no-store',
        })
      })
  )
}

/** Writing what came of last time's advice, from inside the new meeting (its session). */
export function lookBackRoutes(groups: GroupService, meetings: MeetingService) {
  // The session is checked before the body is read, as for every meeting call.
  const session = createMiddleware<{ Variables: { me: ParticipantRow } }>(async function session(c, next) {
    const me = await meetings.authenticate(bearerOf(c.req.header('Authorization')), c.req.param('id') ?? '')
    if (!me) throw new ApiError(403, 'invalid_session', 'Unknown or expired session for this meeting.')
    c.set('me', me)
    await next()
  })
  return new Hono().post('/:id/look-back', session, jsonBody(FollowUpBody), async (c) =>
    c.json({ lookBack: await groups.setFollowUp(c.req.param('id'), c.var.me, c.req.valid('json').text) }),
  )
}
