import type { GroupMember } from './members'

/**
 * Who brings a case and who facilitates next time: a suggestion, never a rule (the group decides).
 * Turn by turn: the member who has waited longest for the role (never had it first, in the order of
 * the member list), and not the same person for both roles. Members are known by id: a guest, or
 * someone who typed a member's name at the join, takes nobody's turn.
 */

/** Who had which role in one past meeting of the group, by member id (guests are not in it). */
export interface PastRoles {
  inbrengers: readonly string[]
  begeleiders: readonly string[]
}

/** The members suggested, by name (for reading). */
export interface RotationSuggestion {
  inbrenger: string | null
  begeleider: string | null
}

/** How many meetings ago each member last had the role (Infinity: never), over `history` oldest first. */
function waited(
  members: readonly GroupMember[],
  history: readonly PastRoles[],
  pick: (p: PastRoles) => readonly string[],
) {
  const since = new Map(members.map((m) => [m.id, Number.POSITIVE_INFINITY]))
  history.forEach((past, index) => {
    const ago = history.length - index
    for (const id of pick(past)) if (since.has(id)) since.set(id, ago)
  })
  return since
}

function longestWaiting(
  members: readonly GroupMember[],
  since: Map<string, number>,
  except: GroupMember | null,
): GroupMember | null {
  let best: GroupMember | null = null
  let bestWait = -1
  for (const member of members) {
    if (except !== null && member.id === except.id) continue
    const wait = since.get(member.id) ?? Number.POSITIVE_INFINITY
    if (wait > bestWait) {
      best = member
      bestWait = wait
    }
  }
  return best
}

/** The suggestion for the next meeting, from the members and the past meetings (oldest first). */
export function suggestRotation(
  members: readonly GroupMember[],
  history: readonly PastRoles[],
): RotationSuggestion {
  const inbrenger = longestWaiting(
    members,
    waited(members, history, (p) => p.inbrengers),
    null,
  )
  const begeleider = longestWaiting(
    members,
    waited(members, history, (p) => p.begeleiders),
    inbrenger,
  )
  return { inbrenger: inbrenger?.name ?? null, begeleider: begeleider?.name ?? null }
}
