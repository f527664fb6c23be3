/**
 * A group's members are people, not typed names: each has an id (and, on the server, a personal
 * link). Rights (writing the look-back), the register and the rotation go by member id; a name
 * typed at a meeting's join never makes someone a member.
 */
export interface GroupMember {
  id: string
  name: string
}

/** The personal link's fragment key: `/g/<groupId>#lid=<memberId>.<secret>`. */
export const MEMBER_FRAGMENT = 'lid'

/** Members per group at most (the same limit the group's routes and its import apply). */
export const GROUP_MEMBERS_MAX = 30

/** A member credential as it travels: `<memberId>.<secret>`; null if it is not one. */
export function readMemberCredential(text: string): { memberId: string; secret: string } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{20,100})$/.exec(text)
  return match ? { memberId: match[1]!, secret: match[2]! } : null
}
