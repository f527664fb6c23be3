import { answer, api } from '../api/apiClient'
import { GROUP_FRAGMENT, type KnownGroup, rememberGroup } from '../groups/groupAccess'
import { groupApi } from '../groups/groupApi'
import { type GroupPick, memberNames } from './GroupChoice'

/** What `POST /api/meetings` answers: the meeting and its two links (paths with a secret fragment). */
export type CreatedMeeting = Awaited<ReturnType<typeof createMeeting>>

/**
 * Creates a meeting with a method. Rejects with an `ApiError` (the server's code and data, or
 * `network`); the form words it.
 */
export async function createMeeting(templateId: string, title: string) {
  return answer(api.api.meetings.$post({ json: { templateId, title } }))
}

/**
 * Creates the meeting on its own or in a group (a new group is made first, and its link kept in
 * this browser). Resolves with the meeting and the group it is in.
 */
export async function createMeetingFor(
  pick: GroupPick,
  templateId: string,
  title: string,
  plannedStart: number | null,
): Promise<{ meeting: CreatedMeeting; group: KnownGroup | null }> {
  if (pick.kind === 'none') return { meeting: await createMeeting(templateId, title), group: null }
  let group: KnownGroup
  if (pick.kind === 'new') {
    const created = await groupApi.create(pick.name.trim(), memberNames(pick.members))
    const secret = new URLSearchParams(created.groupPath.split('#')[1] ?? '').get(GROUP_FRAGMENT) ?? ''
    group = { id: created.groupId, name: pick.name.trim(), secret }
    rememberGroup(group)
  } else group = pick.group
  const meeting = await groupApi.createMeeting(group.id, group.secret, { templateId, title, plannedStart })
  return { meeting, group }
}
