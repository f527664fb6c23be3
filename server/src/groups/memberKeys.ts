import { WRAPPED_KEY_PATTERN } from '../../../shared/groups/memberKeyWrap'
import { GROUP_MEMBERS_MAX } from '../../../shared/groups/members'
import { ApiError } from '../http/apiError'
import type { GroupRow, GroupStore } from '../storage/groupStore'
import { parseMembers, type StoredMember } from './memberLinks'

/**
 * The meeting key wrapped for each member of the meeting's group (shared/groups/
 * memberKeyWrap.ts), so a member who joins through their personal link can read and seal private
 * notes. The browser holding the group link wraps; the server stores what it is given and cannot
 * open it (it holds only hashes of the members' secrets). Each wrap is stamped with the member's
 * link generation when stored: after a member's link is renewed, the old wrap is not handed out
 * (it would not open), until the group page wraps again.
 */
interface StoredWrap {
  generation: number
  wrapped: string
}
type StoredWraps = Record<string, StoredWrap>

export interface MemberKeyWrap {
  memberId: string
  wrapped: string
}

/** What memberKeys needs of the group service: who a credential is, and the group link's check. */
export interface MemberCredentials {
  memberByCredential(group: GroupRow, credential: string | null | undefined): StoredMember | null
}

function readWraps(json: string | null): StoredWraps {
  if (!json) return {}
  try {
    const parsed = JSON.parse(json) as unknown
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as StoredWraps) : {}
  } catch {
    return {}
  }
}

export class MemberKeys {
  constructor(
    private readonly store: GroupStore,
    private readonly credentials: MemberCredentials,
  ) {}

  /** The meeting must be in this group's series; else the same answer as a meeting that is not. */
  private async assertInGroup(group: GroupRow, meetingId: string): Promise<void> {
    const membership = await this.store.groupMeeting(meetingId)
    if (membership?.groupId !== group.id)
      throw new ApiError(404, 'meeting_not_in_group', 'This meeting is not in this group.')
  }

  /**
   * Stores wraps for members of `group` (the group link's holder only; the route checks it),
   * replacing each member's earlier wrap. Wraps for members not in the group are refused whole.
   */
  async save(group: GroupRow, meetingId: string, wraps: readonly MemberKeyWrap[]): Promise<number> {
    await this.assertInGroup(group, meetingId)
    if (wraps.length > GROUP_MEMBERS_MAX)
      throw new ApiError(400, 'too_many_member_keys', `At most ${GROUP_MEMBERS_MAX} keys at once.`)
    const members = new Map(parseMembers(group.id, group.membersJson).map((m) => [m.id, m]))
    for (const wrap of wraps) {
      if (!members.has(wrap.memberId))
        throw new ApiError(400, 'unknown_member', 'A key was wrapped for someone who is not a member.', {
          memberId: wrap.memberId,
        })
      if (!WRAPPED_KEY_PATTERN.test(wrap.wrapped))
        throw new ApiError(400, 'invalid_member_key', 'A wrapped key is not in the expected form.', {
          memberId: wrap.memberId,
        })
    }
    const stored = readWraps(await this.store.memberKeysJson(meetingId))
    // Members who left the group keep no key to the meeting.
    const kept: StoredWraps = {}
    for (const [memberId, wrap] of Object.entries(stored)) if (members.has(memberId)) kept[memberId] = wrap
    for (const wrap of wraps)
      kept[wrap.memberId] = { generation: members.get(wrap.memberId)!.generation, wrapped: wrap.wrapped }
    await this.store.setMemberKeysJson(meetingId, JSON.stringify(kept))
    return wraps.length
  }

  /**
   * The wrapped key of the member whose personal credential this is, for a meeting of their group.
   * None for a link renewed since the wrap was made: it would not open.
   */
  async forMember(
    group: GroupRow | undefined,
    meetingId: string,
    credential: string | null,
  ): Promise<string> {
    const member = group ? this.credentials.memberByCredential(group, credential) : null
    if (!group || !member) throw new ApiError(403, 'invalid_member_link', 'This personal link is not valid.')
    await this.assertInGroup(group, meetingId)
    const wrap = readWraps(await this.store.memberKeysJson(meetingId))[member.id]
    if (!wrap || wrap.generation !== member.generation)
      throw new ApiError(404, 'member_key_missing', 'No key was shared with this member for this meeting.')
    return wrap.wrapped
  }
}
