import { answer, api, bearer, param } from '../api/apiClient'

const groups = api.api.groups
const at = (groupId: string) => ({ param: { id: param(groupId) } })

/**
 * The group API (server/src/groups/groupRoutes.ts) through the typed client. The group secret (from
 * the group link's fragment) or a facilitator's meeting token goes as the Bearer.
 */
export const groupApi = {
  create: (name: string, members: string[]) => answer(groups.$post({ json: { name, members } })),
  get: (groupId: string, credential: string) => answer(groups[':id'].$get(at(groupId), bearer(credential))),
  createMeeting: (
    groupId: string,
    credential: string,
    body: { templateId: string; title: string; plannedStart: number | null },
  ) => answer(groups[':id'].meetings.$post({ ...at(groupId), json: body }, bearer(credential))),
  /** A new group link (the group link only); the old one stops working. */
  renewLink: (groupId: string, secret: string) =>
    answer(groups[':id'].link.$post(at(groupId), bearer(secret))),
  /** A new personal link for one member (the group link only); their old one stops working. */
  renewMemberLink: (groupId: string, secret: string, memberId: string) =>
    answer(
      groups[':id'].members[':memberId'].link.$post(
        { param: { id: param(groupId), memberId: param(memberId) } },
        bearer(secret),
      ),
    ),
  /** What a member's personal link opens: who they are, the group's meetings (their credential). */
  memberHome: (groupId: string, credential: string) =>
    answer(groups[':id'].member.$get(at(groupId), bearer(credential))),
  /** Erases the group (the group link only); the meetings stay. */
  erase: (groupId: string, secret: string) => answer(groups[':id'].$delete(at(groupId), bearer(secret))),
  attendance: (groupId: string, credential: string) =>
    answer(groups[':id'].attendance.$get(at(groupId), bearer(credential))),
  /** The register as a CSV file (text), for a download the browser saves. */
  attendanceCsv: async (groupId: string, credential: string): Promise<Blob> => {
    const response = await fetch(`/api/groups/${param(groupId)}/attendance.csv`, bearer(credential))
    if (!response.ok) throw new Error(`${response.status}`)
    return response.blob()
  },
  /** How long the group is kept (the group link or a facilitator's session may read it). */
  retention: (groupId: string, credential: string) =>
    answer(groups[':id'].retention.$get(at(groupId), bearer(credential))),
  /** Sets the group's days (the group link only). */
  setRetentionDays: (groupId: string, secret: string, days: number) =>
    answer(groups[':id'].retention.$put({ ...at(groupId), json: { days } }, bearer(secret))),
  /** Everything the group has, as the export file (the group link only). */
  exportFile: (groupId: string, secret: string) =>
    answer(groups[':id'].export.$get(at(groupId), bearer(secret))),
  /** What came of last time's advice, written from inside the new meeting. */
  followUp: (meetingId: string, token: string, text: string) =>
    answer(
      api.api.meetings[':id']['look-back'].$post(
        { param: { id: param(meetingId) }, json: { text } },
        bearer(token),
      ),
    ),
}
