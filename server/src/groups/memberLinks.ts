import { createHash, createHmac } from 'node:crypto'
import type { GroupMember } from '../../../shared/groups/members'
import { displayNameKey } from '../../../shared/people/displayName'
import { hashSecret } from '../meetings/secrets'

/**
 * A member as the group row stores them (members_json): id, name, and the hash of their personal
 * link's secret. The secret itself is derived from the group link's secret (HMAC over the member
 * id and a generation), so whoever holds the group link sees every personal link on the group
 * page, the server keeps none of them, renewing one member's link is a new generation, and a
 * renewed group link renews them all (who held the old group link could work them out).
 */
export interface StoredMember extends GroupMember {
  /** Hash of the current personal secret; null: no link made yet (a group from before). */
  secretHash: string | null
  generation: number
}

/** The personal secret of `member` under the group link's `groupSecret`. */
export function memberSecret(groupSecret: string, member: Pick<StoredMember, 'id' | 'generation'>): string {
  return createHmac('sha256', groupSecret)
    .update(`member:${member.id}:${member.generation}`)
    .digest('base64url')
}

/** The member with the hash of their link under `groupSecret` (made or made again). */
export function withLink(member: StoredMember, groupSecret: string): StoredMember {
  return { ...member, secretHash: hashSecret(memberSecret(groupSecret, member)) }
}

/**
 * An id for a member of a group from before members had ids: stable (the same every time the row is
 * read, until it is written in the new form) and different per group.
 */
function legacyMemberId(groupId: string, index: number): string {
  return createHash('sha256').update(`legacy-member:${groupId}:${index}`).digest('base64url').slice(0, 22)
}

/** The members of a group row: the stored form, or (a group from before) its list of names. */
export function parseMembers(groupId: string, membersJson: string): StoredMember[] {
  const parsed = JSON.parse(membersJson) as unknown
  if (!Array.isArray(parsed)) return []
  return parsed.flatMap((entry, index): StoredMember[] => {
    if (typeof entry === 'string')
      return [{ id: legacyMemberId(groupId, index), name: entry, secretHash: null, generation: 0 }]
    if (entry && typeof entry === 'object' && typeof entry.id === 'string' && typeof entry.name === 'string')
      return [
        {
          id: entry.id,
          name: entry.name,
          secretHash: typeof entry.secretHash === 'string' ? entry.secretHash : null,
          generation: typeof entry.generation === 'number' ? entry.generation : 0,
        },
      ]
    return []
  })
}

/** Whether the row still lists members by name only (a group from before members had ids). */
export function isLegacyMembers(membersJson: string): boolean {
  const parsed = JSON.parse(membersJson) as unknown
  return Array.isArray(parsed) && parsed.some((entry) => typeof entry === 'string')
}

/**
 * The one-time move of a group from before: its listed names become members with ids, and the
 * participants of its past meetings who joined under a member's name are bound to that member
 * (the register and the rotation of the past stay as they were). From now on nobody becomes a
 * member by a name.
 */
export function planLegacyMembers(
  groupId: string,
  membersJson: string,
  participants: ReadonlyArray<{ id: string; name: string }>,
): { membersJson: string; bindings: Array<{ participantId: string; memberId: string }> } {
  const members = parseMembers(groupId, membersJson)
  const byKey = new Map(members.map((m) => [displayNameKey(m.name), m.id]))
  const bindings = participants.flatMap((p) => {
    const memberId = byKey.get(displayNameKey(p.name))
    return memberId ? [{ participantId: p.id, memberId }] : []
  })
  return { membersJson: JSON.stringify(members), bindings }
}

/** The group's members for reading (no hash). */
export const publicMembers = (members: readonly StoredMember[]): GroupMember[] =>
  members.map((m) => ({ id: m.id, name: m.name }))
