import { Hono } from 'hono'
import { z } from 'zod'
import { WRAPPED_KEY_PATTERN } from '../../../shared/groups/memberKeyWrap'
import { GROUP_MEMBERS_MAX } from '../../../shared/groups/members'
import { jsonBody } from '../http/jsonBody'
import type { GroupService } from './groupService'

const MemberKeysBody = z.object({
  keys: z
    .array(z.object({ memberId: z.string().min(1).max(64), wrapped: z.string().regex(WRAPPED_KEY_PATTERN) }))
    .max(GROUP_MEMBERS_MAX),
})

const bearerOf = (header: string | undefined) => header?.replace(/^Bearer\s+/i, '') ?? null

/**
 * The meeting key wrapped per member (memberKeys.ts). The group link's holder stores wraps; a
 * member fetches their own with their personal credential. The server cannot open either.
 */
export function memberKeyRoutes(groups: GroupService) {
  return new Hono()
    .put('/:id/meetings/:meetingId/member-keys', jsonBody(MemberKeysBody), async (c) => {
      const group = await groups.authorizeLink(c.req.param('id'), bearerOf(c.req.header('Authorization')))
      const stored = await groups.memberKeys.save(group, c.req.param('meetingId'), c.req.valid('json').keys)
      return c.json({ stored })
    })
    .get('/:id/meetings/:meetingId/member-key', async (c) => {
      const wrapped = await groups.memberKeys.forMember(
        await groups.row(c.req.param('id')),
        c.req.param('meetingId'),
        bearerOf(c.req.header('Authorization')),
      )
      c.header('Cache-Control', 'no-store')
      return c.json({ wrapped })
    })
}
