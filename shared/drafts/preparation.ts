import { accessFor, privateZonesAt } from '../permissions'
import { type MeetingProgress, rulePhaseId } from '../phaseMachine'
import type { RoleId } from '../schema'
import type { Template } from '../templateSchema'

/**
 * Preparing a case before the meeting (the sources ask members to think beforehand about what
 * to bring). A method that starts by collecting cases in a list has a preparation zone: before
 * the start, whoever holds the invite link may put cases there as sealed drafts (drafts/); at the
 * start they are released and fill the list, under their author's name.
 */
export function preparationZone(template: Template): string | null {
  const first = template.phases[0]
  if (!first) return null
  // A method that chooses its case by vote later on (the intuitive method's step 3) prepares
  // for that list: the cases are there to choose from when the vote opens.
  const voted = template.phases.find((p) => p.votesOn !== undefined)?.votesOn
  if (voted && template.zones.find((z) => z.id === voted)?.kind === 'list') return voted
  for (const [zoneId, byRole] of Object.entries(first.zones)) {
    const zone = template.zones.find((z) => z.id === zoneId)
    if (zone?.kind === 'list' && byRole.deelnemer?.can.includes('add')) return zoneId
  }
  return null
}

/** Roles that may prepare a case: everyone who takes part (not the begeleider or an observer). */
export function mayPrepare(role: RoleId): boolean {
  return role !== 'begeleider' && role !== 'observer'
}

/**
 * Zones where notes are sealed drafts at this phase index: the private zones of the phase, and
 * before the start (-1) the preparation zone.
 */
export function draftZonesAt(template: Template, phaseIndex: number): Set<string> {
  if (phaseIndex >= 0) return privateZonesAt(template, phaseIndex)
  const zone = preparationZone(template)
  return new Set(zone ? [zone] : [])
}

/**
 * The zones where this role's notes are sealed drafts now, and the only ones where the server
 * stores a draft of theirs: a zone private for the role in the phase in force, or before the
 * start the preparation zone. None after the end or during a break (the board is read-only then).
 */
export function draftZonesFor(template: Template, progress: MeetingProgress, role: RoleId): string[] {
  if (progress.finished) return []
  const phaseId = rulePhaseId(template, progress)
  return [...draftZonesAt(template, progress.phaseIndex)].filter((zoneId) =>
    progress.phaseIndex < 0 ? mayPrepare(role) : accessFor(template, phaseId, zoneId, role).private,
  )
}
