import type { RoleId, Zone } from './schema'
import type { Template } from './templateSchema'

/**
 * How many notes a zone should have room for: what the method will put in it. A zone's own
 * `expectedNotes` wins; else every phase that lets roles add to the zone counts the people in
 * those roles (in the method's usual group) times their quota, or one note each where the phase
 * sets no quota. Notes stay on the board from phase to phase, so the phases add up.
 */
export function expectedNotes(template: Template, zone: Zone): number {
  if (zone.expectedNotes !== undefined) return zone.expectedNotes
  let total = 0
  for (const phase of template.phases) {
    const byRole = phase.zones[zone.id]
    if (!byRole) continue
    for (const [role, access] of Object.entries(byRole)) {
      if (!access) continue
      // A private phase writes drafts that the reveal later publishes here: they count as adds.
      if (!access.can.includes('add')) continue
      total += peopleInRole(template, role as RoleId) * (access.quota ?? NOTES_WITHOUT_QUOTA)
    }
  }
  return Math.min(MAX_EXPECTED_NOTES, Math.max(MIN_EXPECTED_NOTES, total))
}

/**
 * How many notes each W/N/K column of a zone must hold: every note the zone can get in the
 * method's largest group, since all of them start "not rated yet" and all may end up Warm.
 * Everyone in the largest group times the largest quota a phase sets for adding here (one note
 * each without a quota), at least what the zone expects, at most MAX_EXPECTED_NOTES: Warm,
 * neutraal, koud with eight people writing three questions each gives 24.
 */
export function columnCapacity(template: Template, zone: Zone): number {
  let quota = 0
  for (const phase of template.phases) {
    for (const access of Object.values(phase.zones[zone.id] ?? {})) {
      if (access?.can.includes('add')) quota = Math.max(quota, access.quota ?? NOTES_WITHOUT_QUOTA)
    }
  }
  const largest = template.groupSize.max * quota
  return Math.min(MAX_EXPECTED_NOTES, Math.max(expectedNotes(template, zone), largest))
}

/** Where a phase sets no quota, room for one note per person; the facilitator can tidy more in. */
const NOTES_WITHOUT_QUOTA = 1
/** Every zone holds at least two notes side by side, so a zone never looks like a slot. */
export const MIN_EXPECTED_NOTES = 2
/** Beyond this a zone no longer fits a screen at a readable size; notes then stack (see slots.ts). */
export const MAX_EXPECTED_NOTES = 24

/**
 * People who may hold a role in the method's usual group (its ideal size, else its largest): one
 * facilitator, one inbrenger (and one note-taker, if the method has one); the rest are
 * participants, or split between the inner and outer circle of a fishbowl. A larger group still
 * fits where a zone's row or column gives it room; past that, notes stack (slots.ts).
 */
export function peopleInRole(template: Template, role: RoleId): number {
  const size = template.groupSize.ideal ?? template.groupSize.max
  const singles = template.roles.filter((r) => SINGLE_ROLES.has(r)).length
  const group = Math.max(1, size - singles)
  switch (role) {
    case 'begeleider':
    case 'inbrenger':
    case 'verslaglegger':
      return 1
    case 'observer':
      return 0
    case 'deelnemer':
      return group
    case 'binnengroep':
    case 'buitengroep':
      return Math.ceil(group / 2)
  }
}

const SINGLE_ROLES: ReadonlySet<RoleId> = new Set(['begeleider', 'inbrenger', 'verslaglegger'])
