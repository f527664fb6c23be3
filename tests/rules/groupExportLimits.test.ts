import { describe, expect, it } from 'vitest'
import { GROUP_NAME_MAX } from '../../server/src/groups/groupService'
import { ExportedGroup, GROUP_EXPORT_LIMITS } from '../../shared/groups/groupExportFormat'
import { GROUP_MEMBERS_MAX } from '../../shared/groups/members'

/**
 * A group's export takes what the group's own routes take, no less and no more: the export of a
 * full group with the longest names imports, and the file cannot hold a group the routes refuse.
 */
const group = (name: string, members: Array<string | { id: string; name: string }>) => ({
  name,
  members,
  createdAt: 0,
  retentionDays: null,
  series: [],
})

describe('the group export’s limits', () => {
  it('are the routes’ limits', () => {
    expect(GROUP_EXPORT_LIMITS.name).toBe(GROUP_NAME_MAX)
    expect(GROUP_EXPORT_LIMITS.members).toBe(GROUP_MEMBERS_MAX)
  })

  it('take a full group with the longest names the routes take (member names up to 40), and no more', () => {
    const members = Array.from({ length: GROUP_MEMBERS_MAX }, (_, i) => ({
      id: `m${i}`,
      name: `${i}`.padEnd(40, 'x'),
    }))
    expect(ExportedGroup.safeParse(group('g'.repeat(GROUP_NAME_MAX), members)).success).toBe(true)
    expect(ExportedGroup.safeParse(group('g'.repeat(GROUP_NAME_MAX + 1), members)).success).toBe(false)
    expect(
      ExportedGroup.safeParse(group('Groep', [...members, { id: 'm-extra', name: 'Extra' }])).success,
    ).toBe(false)
    expect(ExportedGroup.safeParse(group('Groep', [{ id: 'm', name: 'x'.repeat(41) }])).success).toBe(false)
    expect(ExportedGroup.safeParse(group('Groep', ['x'.repeat(41)])).success).toBe(false)
  })
})
