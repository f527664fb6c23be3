import type { Action, RoleId, Template, Zone, ZoneAccess } from './schema'

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
 * The board outside every zone: a scratch area where everyone but an observer may place and
 * change their own notes. The method's rules are about the zones.
 */
export const FREE_AREA_ACCESS: Record<RoleId, ResolvedAccess> = {
  begeleider: { can: new Set(['add', 'editAny', 'move']), watch: false, quota: undefined, private: false },
  inbrenger: { can: new Set(['add', 'editOwn']), watch: false, quota: undefined, private: false },
  deelnemer: { can: new Set(['add', 'editOwn']), watch: false, quota: undefined, private: false },
  binnengroep: { can: new Set(['add', 'editOwn']), watch: false, quota: undefined, private: false },
  buitengroep: { can: new Set(['add', 'editOwn']), watch: false, quota: undefined, private: false },
  verslaglegger: { can: new Set(['add', 'editOwn']), watch: false, quota: undefined, private: false },
  observer: NONE,
}

function resolve(access: ZoneAccess): ResolvedAccess {
  return { can: new Set(access.can), watch: access.watch, quota: access.quota, private: access.private }
}

/**
 * Access of `role` to `zoneId` (null: the free area) in phase `phaseId`: the phase's entry for that
 * role if it names one, else the template's standing access, else nothing.
 */
export function accessFor(
  template: Template,
  phaseId: string,
  zoneId: string | null,
  role: RoleId,
): ResolvedAccess {
  if (zoneId === null) return FREE_AREA_ACCESS[role]
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
 * other access.
 */
export function mayPublishDrafts(template: Template, phaseId: string, zoneId: string, role: RoleId): boolean {
  const index = template.phases.findIndex((p) => p.id === phaseId)
  if (index < 0 || !template.phases[index]!.reveals.includes(zoneId)) return false
  return template.phases.slice(0, index).some((p) => p.zones[zoneId]?.[role]?.private === true)
}
