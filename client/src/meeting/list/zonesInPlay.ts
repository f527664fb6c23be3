import { accessFor, findZone } from '../../../../shared/permissions'
import type { RoleId } from '../../../../shared/schema'
import type { Template } from '../../../../shared/templateSchema'

/**
 * The zones the list shows: where the current phase happens, by the template. The zone a role
 * rates in this phase comes first (the inbrenger's list is where she rates). A phase that names
 * no zone (answering the questions, talking) keeps the zones of the last phase that did, so the
 * rated questions stay in view while they are answered. Before the start: none.
 */
export function zonesInPlay(template: Template, phaseIndex: number, role: RoleId | null): string[] {
  for (let i = Math.min(phaseIndex, template.phases.length - 1); i >= 0; i--) {
    const phase = template.phases[i]!
    const ids = Object.keys(phase.zones).filter((id) => findZone(template, id) !== undefined)
    if (ids.length === 0) continue
    const rates = (id: string) => role !== null && accessFor(template, phase.id, id, role).can.has('rate')
    return [...ids.filter(rates), ...ids.filter((id) => !rates(id))]
  }
  return []
}
