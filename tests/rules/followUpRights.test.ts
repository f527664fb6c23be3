import { describe, expect, it } from 'vitest'
import { type LookBack, mayWriteFollowUp } from '../../shared/groups/lookBack'

/**
 * Who writes "what came of it" in a group's look-back (groups/lookBack.ts): last time's inbrenger
 * as the member they are, or a begeleider of this meeting; a typed name proves nothing.
 */
const lookBack = (inbrengerMembers?: string[]) => ({ inbrengerMembers }) as LookBack

describe('writing what came of it', () => {
  it('is for last time’s inbrenger as a member, and for the begeleider', () => {
    expect(mayWriteFollowUp(lookBack(['m-anna']), { memberId: 'm-anna', role: 'deelnemer' })).toBe(true)
    expect(mayWriteFollowUp(lookBack(['m-anna']), { memberId: null, role: 'begeleider' })).toBe(true)
    expect(mayWriteFollowUp(lookBack(), { memberId: 'm-bea', role: 'begeleider' })).toBe(true)
  })

  it('is not for another member, a guest, or anyone when the look-back names no members', () => {
    expect(mayWriteFollowUp(lookBack(['m-anna']), { memberId: 'm-bram', role: 'inbrenger' })).toBe(false)
    expect(mayWriteFollowUp(lookBack(['m-anna']), { memberId: null, role: 'deelnemer' })).toBe(false)
    expect(mayWriteFollowUp(lookBack(), { memberId: 'm-anna', role: 'deelnemer' })).toBe(false)
  })
})
