/**
 * Who brings a case and who facilitates next time: a suggestion, never a rule (the group decides).
 * Turn by turn: the member who has waited longest for the role (never had it first, in the order of
 * the member list), and not the same person for both roles.
 */

/** Who had which role in one past meeting of the group, by name. */
export interface PastRoles {
  inbrengers: readonly string[]
  begeleiders: readonly string[]
}

export interface RotationSuggestion {
  inbrenger: string | null
  begeleider: string | null
}

const key = (name: string) => name.trim().toLocaleLowerCase('nl')

/**
 * The members in the group's own order, then everyone who took part in a meeting but is not on the
 * list (someone who joined later), each once.
 */
export function groupMembers(listed: readonly string[], history: readonly PastRoles[]): string[] {
  const seen = new Set<string>()
  const members: string[] = []
  const add = (name: string) => {
    const k = key(name)
    if (k === '' || seen.has(k)) return
    seen.add(k)
    members.push(name.trim())
  }
  for (const name of listed) add(name)
  for (const past of history) for (const name of [...past.begeleiders, ...past.inbrengers]) add(name)
  return members
}

/** How many meetings ago each member last had the role (Infinity: never), over `history` oldest first. */
function waited(
  members: readonly string[],
  history: readonly PastRoles[],
  pick: (p: PastRoles) => readonly string[],
) {
  const since = new Map(members.map((m) => [key(m), Number.POSITIVE_INFINITY]))
  history.forEach((past, index) => {
    const ago = history.length - index
    for (const name of pick(past)) if (since.has(key(name))) since.set(key(name), ago)
  })
  return since
}

function longestWaiting(members: readonly string[], since: Map<string, number>, except: string | null) {
  let best: string | null = null
  let bestWait = -1
  for (const member of members) {
    if (except !== null && key(member) === key(except)) continue
    const wait = since.get(key(member)) ?? Number.POSITIVE_INFINITY
    if (wait > bestWait) {
      best = member
      bestWait = wait
    }
  }
  return best
}

/** The suggestion for the next meeting, from the listed members and the past meetings (oldest first). */
export function suggestRotation(
  listed: readonly string[],
  history: readonly PastRoles[],
): RotationSuggestion {
  const members = groupMembers(listed, history)
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
  return { inbrenger, begeleider }
}
