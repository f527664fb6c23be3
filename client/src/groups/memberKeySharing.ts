import { unwrapMeetingKey, wrapMeetingKey } from '../../../shared/groups/memberKeyWrap'
import { MEMBER_FRAGMENT, readMemberCredential } from '../../../shared/groups/members'
import { answer, api, bearer, param } from '../api/apiClient'
import { loadMeetingKey, saveMeetingKey } from '../meeting/drafts/meetingKey'
import { groupApi } from './groupApi'

/**
 * The meeting key for members who join through their personal link (memberKeyWrap.ts). A browser
 * holding the group link sees every member's personal link, so it wraps the key of each meeting
 * it holds for each member and stores the wraps with the meeting; the member's browser fetches
 * its own wrap with its credential and unwraps it. The server only ever holds the wraps.
 */
const meetingOf = api.api.groups[':id'].meetings[':meetingId']
const at = (groupId: string, meetingId: string) => ({
  param: { id: param(groupId), meetingId: param(meetingId) },
})

interface MembersWithLinks {
  members: ReadonlyArray<{ id: string; link: string | null }>
  meetings: ReadonlyArray<{ meetingId: string; finished: boolean }>
}

/** The credential in a personal link (`/g/<id>#lid=<memberId>.<secret>`). */
function credentialIn(link: string) {
  const value = new URLSearchParams(link.split('#')[1] ?? '').get(MEMBER_FRAGMENT)
  return value ? readMemberCredential(value) : null
}

/**
 * Wraps the key of each meeting of `view` this browser holds (only `meetingIds`, if given; else
 * the meetings not finished, the ones a member can still join) for every member whose link the
 * view shows, and stores the wraps. Again on every visit: a renewed member gets a fresh wrap.
 */
export async function shareMeetingKeys(
  groupId: string,
  groupSecret: string,
  view: MembersWithLinks,
  meetingIds?: readonly string[],
): Promise<number> {
  const members = view.members.flatMap((m) => {
    const credential = m.link ? credentialIn(m.link) : null
    return credential && credential.memberId === m.id ? [credential] : []
  })
  if (members.length === 0) return 0
  const wanted = meetingIds ?? view.meetings.filter((m) => !m.finished).map((m) => m.meetingId)
  let shared = 0
  for (const meetingId of wanted) {
    const key = loadMeetingKey(meetingId)
    if (!key) continue
    const keys = await Promise.all(
      members.map(async ({ memberId, secret }) => ({
        memberId,
        wrapped: await wrapMeetingKey(key, secret, meetingId, memberId),
      })),
    )
    await answer(
      meetingOf['member-keys'].$put({ ...at(groupId, meetingId), json: { keys } }, bearer(groupSecret)),
    )
    shared += 1
  }
  return shared
}

/** The same, fetching the group page's view first (a new meeting, a renewed member link). */
export async function shareGroupMeetingKeys(
  groupId: string,
  groupSecret: string,
  meetingIds?: readonly string[],
): Promise<number> {
  return shareMeetingKeys(groupId, groupSecret, await groupApi.get(groupId, groupSecret), meetingIds)
}

/**
 * The member's side: the key of `meetingId` from their wrap, kept like a key from a link. True when
 * this browser holds the key (already, or now); false when none was shared for this link.
 */
export async function fetchMemberMeetingKey(
  groupId: string,
  meetingId: string,
  credential: string,
): Promise<boolean> {
  if (loadMeetingKey(meetingId)) return true
  const read = readMemberCredential(credential)
  if (!read) return false
  try {
    const { wrapped } = await answer(meetingOf['member-key'].$get(at(groupId, meetingId), bearer(credential)))
    const key = await unwrapMeetingKey(wrapped, read.secret, meetingId, read.memberId)
    if (!key) return false
    saveMeetingKey(meetingId, key)
    return true
  } catch {
    // None shared (yet) for this link, or the server is away: joining still works, sealing not.
    return false
  }
}
