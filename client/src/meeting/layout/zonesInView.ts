import type { RoleId } from '../../../../shared/schema'
import type { Template } from '../../../../shared/templateSchema'

/**
 * The zones a phase brings into view for a role: where the role adds, rates or is set to watch
 * in this phase (named by the phase itself; the begeleider's standing access to every zone does
 * not count),
 * else every zone the phase names, else those of the last phase before it that named any (the
 * rated questions stay in view while they are answered). Empty: show the whole board (before the
 * start, after the end, or a method whose phases name no zones).
 */
export function zonesInView(template: Template, phaseIndex: number, role: RoleId | null): string[] {
  const phase = template.phases[phaseIndex]
  if (!phase) return []
  const known = (id: string) => template.zones.some((z) => z.id === id)
  const mine = Object.entries(phase.zones)
    .filter(([id, byRole]) => {
      const access = role ? byRole[role] : undefined
      const can = access?.can ?? []
      // Watching counts: the inbrenger who listens to the gossip has that zone in view.
      return known(id) && (can.includes('add') || can.includes('rate') || access?.watch === true)
    })
    .map(([id]) => id)
  if (mine.length > 0) return mine
  for (let i = phaseIndex; i >= 0; i--) {
    const named = Object.keys(template.phases[i]!.zones).filter(known)
    if (named.length > 0) return named
  }
  return []
}
