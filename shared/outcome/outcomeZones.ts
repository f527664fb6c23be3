import type { OutcomeKind, Zone } from '../schema'
import type { Template } from '../templateSchema'

/** The zones of a method that hold one part of the outcome, in the template's order. */
export function outcomeZones(template: Template, kind: OutcomeKind): Zone[] {
  return template.zones.filter((zone) => zone.outcome === kind)
}

/** Is `zoneId` a zone whose notes are advice (where the inbrenger chooses one)? */
export function isAdviceZone(template: Template, zoneId: string | null): boolean {
  return zoneId !== null && template.zones.some((z) => z.id === zoneId && z.outcome === 'advice')
}

/**
 * The index of the first phase in which someone may add to an advice zone: from then on advice
 * can exist, and the inbrenger may choose one. -1 when the method has no advice.
 */
export function firstAdvicePhase(template: Template): number {
  return template.phases.findIndex((phase) =>
    Object.entries(phase.zones).some(
      ([zoneId, byRole]) =>
        isAdviceZone(template, zoneId) && Object.values(byRole).some((access) => access?.can.includes('add')),
    ),
  )
}
