import type { Action, RoleId, Zone, ZoneAccess } from './schema'
import type { Template } from './templateSchema'

/** What one role may do in one zone right now, resolved from the template's data. */
export interface ResolvedAccess {
  can: ReadonlySet<Action>
  watch: boolean
  quota: number | undefined
  private: boolean
}

/** How a zone looks to a role: open to write, explicitly watch-only, or closed. */
export type ZoneState = 'open' | 'watch' | 'closed'

const NONE: ResolvedAccess = { can: new Set(), watch: false, quota: undefined, private: false }

/**
 * The phase id the rules use once the meeting is finished ("Afgerond"): no phase has it (phase ids
 * are lowercase letters, digits and dashes), and in it nobody may change anything. See
 * `rulePhaseId` in phaseMachine.ts.
 */
export const FINISHED_PHASE_ID = '#afgerond'

/**
 * The phase id the rules use while the facilitator holds a break ("Pauze"): like FINISHED_PHASE_ID
 * nobody may change anything, until the break is lifted. See `rulePhaseId` in phaseMachine.ts.
 */
export const PAUSED_PHASE_ID = '#pauze'

/** A phase id in which the board is read-only for everyone: finished or on a break. */
export function isReadOnlyPhase(phaseId: string): boolean {
  return phaseId === FINISHED_PHASE_ID || phaseId === PAUSED_PHASE_ID
}

/** What the begeleider may do outside the zones unless the method says otherwise. */
const FACILITATOR_FREE_AREA: readonly Action[] = ['add', 'editAny', 'move']
/** What a participant may do outside the zones where the default opens it: their own notes. */
const OWN_NOTES: readonly Action[] = ['add', 'editOwn']

/**
 * What `role` may do outside every zone (the free area) in phase `phaseId`: the phase's `freeArea`
 * entry for the role, else the template's, else the default, which keeps the method's discipline:
 * - the begeleider may always write there;
 * - before the start ('') everyone but an observer may, to try the board out while the ground
 *   rules are on screen;
 * - in a phase, a participant may only where the phase lets them add to a zone without a quota:
 *   whoever is to listen, watch or rate writes nowhere, and a quota ("three questions each") is
 *   not to be got round in a corner of the board.
 */
export function freeAreaAccess(template: Template, phaseId: string, role: RoleId): ResolvedAccess {
  const phase = template.phases.find((p) => p.id === phaseId)
  const can = phase?.freeArea?.[role] ?? template.freeArea?.[role] ?? defaultFreeArea(template, phaseId, role)
  return can.length > 0 ? { can: new Set(can), watch: false, quota: undefined, private: false } : NONE
}

function defaultFreeArea(template: Template, phaseId: string, role: RoleId): readonly Action[] {
  if (role === 'begeleider') return FACILITATOR_FREE_AREA
  if (role === 'observer') return []
  if (phaseId === '') return OWN_NOTES
  const phase = template.phases.find((p) => p.id === phaseId)
  if (!phase) return []
  const writes = template.zones.some((zone) => {
    const entry = phase.zones[zone.id]?.[role]
    return entry ? entry.can.includes('add') && entry.quota === undefined : false
  })
  return writes ? OWN_NOTES : []
}

function resolve(access: ZoneAccess): ResolvedAccess {
  return { can: new Set(access.can), watch: access.watch, quota: access.quota, private: access.private }
}

/**
 * Access of `role` to `zoneId` (null: the free area, see freeAreaAccess) in phase `phaseId`: the
 * phase's entry for that role if it names one, else the template's standing access, else nothing.
 * Once the meeting is finished (FINISHED_PHASE_ID), and during a break (PAUSED_PHASE_ID), nothing
 * is open to anyone.
 */
export function accessFor(
  template: Template,
  phaseId: string,
  zoneId: string | null,
  role: RoleId,
): ResolvedAccess {
  if (isReadOnlyPhase(phaseId)) return NONE
  if (zoneId === null) return freeAreaAccess(template, phaseId, role)
  const phase = template.phases.find((p) => p.id === phaseId)
  const entry = phase?.zones[zoneId]?.[role]
  if (entry) return resolve(entry)
  const standing = template.standingAccess[role]
  if (standing) return { can: new Set(standing), watch: false, quota: undefined, private: false }
  return NONE
}

export function zoneState(access: ResolvedAccess): ZoneState {
  if (access.can.size > 0) return 'open'
  return access.watch ? 'watch' : 'closed'
}

/** May this role change or remove a shape (own or someone else's) in the zone? */
export function mayEdit(access: ResolvedAccess, isOwn: boolean): boolean {
  return access.can.has('editAny') || (isOwn && access.can.has('editOwn'))
}

/** May this role reposition a shape within the zone without changing its content? */
export function mayMove(access: ResolvedAccess, isOwn: boolean): boolean {
  return access.can.has('move') || mayEdit(access, isOwn)
}

export function findZone(template: Template, zoneId: string): Zone | undefined {
  return template.zones.find((z) => z.id === zoneId)
}

/**
 * Zones whose notes are private to their author at the given phase: each writes for themself
 * from the first phase that marks the zone private until a phase that reveals it.
 */
export function privateZonesAt(template: Template, phaseIndex: number): Set<string> {
  const hidden = new Set<string>()
  template.phases.slice(0, phaseIndex + 1).forEach((phase) => {
    for (const [zoneId, byRole] of Object.entries(phase.zones)) {
      if (Object.values(byRole).some((access) => access?.private)) hidden.add(zoneId)
    }
    for (const zoneId of phase.reveals) hidden.delete(zoneId)
  })
  return hidden
}

/**
 * The reveal publishes what each wrote for themself: in a phase that reveals a zone, a role that
 * had private access to it earlier may put its own notes there, even where the phase gives no
 * other access. Only a browser without the meeting key does that (with a key the server places
 * the sealed drafts itself), and only in the first moments of the phase (`revealGraceOpen`):
 * later in it the zone is closed as the phase says (method 5 rates the questions, method 12
 * walks the flaps; nobody adds to them then).
 */
export function mayPublishDrafts(template: Template, phaseId: string, zoneId: string, role: RoleId): boolean {
  const index = template.phases.findIndex((p) => p.id === phaseId)
  if (index < 0 || !template.phases[index]!.reveals.includes(zoneId)) return false
  return template.phases.slice(0, index).some((p) => p.zones[zoneId]?.[role]?.private === true)
}

/** How long into a revealing phase a browser without the meeting key may publish its drafts. */
export const REVEAL_PUBLISH_GRACE_MS = 60_000

/**
 * Whether the phase in force began so recently that drafts may still be published by their
 * author's browser (mayPublishDrafts). The server asks with its own clock, which set
 * `phaseStartedAt`; a browser's answer only shapes what its screen offers.
 */
export function revealGraceOpen(progress: { phaseStartedAt: number }, now: number): boolean {
  return now - progress.phaseStartedAt < REVEAL_PUBLISH_GRACE_MS
}
