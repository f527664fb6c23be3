import { z } from 'zod'
import { authorOf, type BoardRecord } from './boardRecords'
import { GROUP_WORK_KINDS, type LocalizedText, type Phase, type RoleId } from './schema'

/**
 * Pairs and subgroups (Modelling works in pairs, Balint may judge in subgroups): in a phase whose
 * template says `groupWork`, the facilitator splits the members into groups. The split is part
 * of the meeting's progress (the server's), and every note written while it holds carries its
 * author's group (meta.groupId), so the list can show the results per pair.
 */
export { GROUP_WORK_KINDS }
export type GroupWorkKind = (typeof GROUP_WORK_KINDS)[number]

export const WorkGroup = z.object({
  id: z.string().min(1).max(40),
  members: z.array(z.string().min(1).max(64)).min(1).max(20),
})
export type WorkGroup = z.infer<typeof WorkGroup>

export const GroupSplit = z.object({
  kind: z.enum(GROUP_WORK_KINDS),
  /** The phase the split was made for: notes are tagged while that phase is on. */
  phaseId: z.string().min(1).max(64),
  /** Counts the splits of the meeting, so a new split never reuses an older group's id. */
  split: z.number().int().min(1),
  groups: z.array(WorkGroup).min(1).max(30),
  /** The facilitator ended the group work: new notes carry no group; the groups still label the list. */
  ended: z.boolean().optional(),
})
export type GroupSplit = z.infer<typeof GroupSplit>

/** The most groups a split may have, and the most people in one (a room, not a crowd). */
export const MAX_GROUPS = 30
export const MAX_GROUP_SIZE = 20

/** Roles that never join a pair: the begeleider guides, the observer watches. */
const NEVER_IN_A_GROUP: readonly RoleId[] = ['begeleider', 'observer']

/**
 * Whether a role takes part in the group work of a phase: not the begeleider or observer, and the
 * inbrenger only where the phase lets them write (Modelling: yes; Balint: they listen, silent).
 */
export function takesPartInGroups(phase: Phase, role: RoleId): boolean {
  if (NEVER_IN_A_GROUP.includes(role)) return false
  if (role !== 'inbrenger') return true
  return Object.values(phase.zones).some((byRole) => byRole[role]?.can.includes('add'))
}

/** The zones a phase with group work writes in: where someone may add notes in that phase. */
export function groupWorkZones(phase: Phase): string[] {
  if (!phase.groupWork) return []
  return Object.entries(phase.zones)
    .filter(([, byRole]) => Object.values(byRole).some((access) => access?.can.includes('add')))
    .map(([zoneId]) => zoneId)
}

/**
 * A proposal for the facilitator: pairs in the given order (an odd one out makes the last pair a
 * trio), or subgroups of three or four. Fewer than two people: no groups to make.
 */
export function proposeGroups(memberIds: readonly string[], kind: GroupWorkKind): string[][] {
  const ids = [...new Set(memberIds)]
  if (ids.length < 2) return []
  if (kind === 'pairs') {
    const pairs: string[][] = []
    for (let i = 0; i + 1 < ids.length; i += 2) pairs.push([ids[i]!, ids[i + 1]!])
    if (ids.length % 2 === 1) pairs[pairs.length - 1]!.push(ids[ids.length - 1]!)
    return pairs
  }
  const count = Math.max(1, Math.round(ids.length / 3.5))
  const groups: string[][] = Array.from({ length: count }, () => [])
  ids.forEach((id, i) => {
    groups[i % count]!.push(id)
  })
  return groups
}

export type SplitResult = { ok: true; split: GroupSplit } | { ok: false; error: string }

/**
 * A split of these groups in this phase: refused where the phase has no group work, or when
 * someone is in two groups or a group is empty. Who may be in a group is checked against the
 * meeting's people by `checkGroupMembers`, where they are known (the server).
 */
export function makeSplit(
  phase: Phase | undefined,
  previous: GroupSplit | null | undefined,
  groups: readonly (readonly string[])[],
): SplitResult {
  if (!phase?.groupWork) return { ok: false, error: 'this phase has no work in pairs or subgroups' }
  if (groups.length === 0 || groups.length > MAX_GROUPS) return { ok: false, error: 'give 1 to 30 groups' }
  const seen = new Set<string>()
  for (const group of groups) {
    if (group.length === 0 || group.length > MAX_GROUP_SIZE)
      return { ok: false, error: 'a group has 1 to 20 people' }
    for (const id of group) {
      if (seen.has(id)) return { ok: false, error: 'each person is in one group' }
      seen.add(id)
    }
  }
  const split = (previous?.split ?? 0) + 1
  return {
    ok: true,
    split: {
      kind: phase.groupWork,
      phaseId: phase.id,
      split,
      groups: groups.map((members, i) => ({ id: `g${split}-${i + 1}`, members: [...members] })),
    },
  }
}

/** Every member of a split must be a person of the meeting whose role takes part in the phase. */
export function checkGroupMembers(
  phase: Phase,
  groups: readonly (readonly string[])[],
  people: readonly { id: string; role: RoleId }[],
): { ok: true } | { ok: false; participantId: string; reason: 'unknown' | 'role' } {
  const roles = new Map(people.map((p) => [p.id, p.role]))
  for (const id of groups.flat()) {
    const role = roles.get(id)
    if (role === undefined) return { ok: false, participantId: id, reason: 'unknown' }
    if (!takesPartInGroups(phase, role)) return { ok: false, participantId: id, reason: 'role' }
  }
  return { ok: true }
}

/** The group a participant is in, in the split (null: no split, or not in a group). */
export function groupOf(progress: { groups?: GroupSplit | null }, participantId: string): WorkGroup | null {
  return progress.groups?.groups.find((g) => g.members.includes(participantId)) ?? null
}

/**
 * The group a new note of this author is tagged with now: their group while the split's phase is
 * the one in force (phaseId as rulePhaseId gives it), otherwise none.
 */
export function groupTagFor(
  groups: GroupSplit | null | undefined,
  phaseId: string,
  authorId: string | null,
): string | null {
  if (!groups || groups.ended || groups.phaseId !== phaseId || authorId === null) return null
  return groupOf({ groups }, authorId)?.id ?? null
}

export function groupIdOf(record: { meta?: Record<string, unknown> }): string | null {
  const id = record.meta?.groupId
  return typeof id === 'string' ? id : null
}

/**
 * The rule the server enforces: a new note carries exactly its author's group while the split
 * holds (so nobody writes into another pair's tag, and no pair's note goes untagged), and a
 * note's group never changes afterwards. Null: fine; otherwise why not.
 */
export function groupTagProblem(
  groups: GroupSplit | null | undefined,
  phaseId: string,
  prev: BoardRecord | null,
  next: BoardRecord | null,
): LocalizedText | null {
  if (!next) return null
  const tag = groupIdOf(next)
  if (prev) {
    if (groupIdOf(prev) === tag) return null
    return {
      nl: 'Bij welk paar of subgroepje een notitie hoort, kan niet meer veranderen.',
      en: 'The pair or subgroup a note belongs to cannot change afterwards.',
    }
  }
  if (next.typeName !== 'shape') return null
  const expected = groupTagFor(groups, phaseId, authorOf(next))
  if (tag === expected) return null
  if (expected === null) {
    return {
      nl: 'Deze notitie hoort bij een paar of subgroepje waar jij nu niet in zit.',
      en: 'This note is tagged with a pair or subgroup you are not in now.',
    }
  }
  return {
    nl: 'Een notitie die je nu schrijft, hoort bij je eigen paar of subgroepje.',
    en: 'A note you write now belongs to your own pair or subgroup.',
  }
}
