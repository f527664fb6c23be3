import { accessFor } from './permissions'
import type { RoleId } from './schema'
import type { Template } from './templateSchema'

/** Where a quota applies: how many notes it allows, how many are placed, how many are left. */
export interface QuotaLeft {
  quota: number
  placed: number
  left: number
}

/**
 * What the quota of `role` in `zoneId` leaves now, given the notes this person already has in
 * the zone; null where the phase sets no quota there (or the role may not add at all). The same
 * count the rules refuse by (shapePolicy.ts): the Nth note of a quota of N is accepted.
 */
export function quotaLeft(
  template: Template,
  phaseId: string,
  zoneId: string,
  role: RoleId,
  placed: number,
): QuotaLeft | null {
  const access = accessFor(template, phaseId, zoneId, role)
  if (access.quota === undefined || !access.can.has('add')) return null
  return { quota: access.quota, placed, left: Math.max(0, access.quota - placed) }
}
