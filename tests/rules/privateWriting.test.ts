import { describe, expect, it } from 'vitest'
import { isPrivateFor } from '../../shared/drafts/privateWriting'
import type { PolicyContext } from '../../shared/policyTypes'
import type { Actor } from '../../shared/recordPolicy'
import { method } from '../client/support'
import { inZone } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * Private writing as a shared rule (issue 17): while a zone is private for the actor's role, no
 * note goes into it over the room; a browser keeps its drafts there to itself (keepsDrafts).
 */
const g2 = method('stappenplan-60')
const anna: Actor = { participantId: 'anna', role: 'deelnemer' }
const note = (draft: boolean, zoneId = 'adviezen') => {
  const record = noteRecord({ id: 'shape:n1', ...inZone(g2, zoneId), authorId: 'anna', text: 'Mijn advies' })
  return draft ? { ...record, meta: { ...(record.meta as object), draft: true } } : record
}
const judge = (phaseId: string, draft: boolean, extra: Partial<PolicyContext> = {}, actor = anna) =>
  judgeOnBoard(g2, phaseId, actor, [{ id: 'shape:n1', prev: null, next: note(draft) }], [], extra)

describe('a zone private for the actor', () => {
  it('refuses a note over the room, drafts or not, with the reason to write for yourself', () => {
    for (const draft of [false, true]) {
      const verdict = judge('adviezen', draft)
      expect(verdict.ok).toBe(false)
      if (!verdict.ok) expect(verdict.reason.nl).toContain('Schrijf hier voor jezelf')
    }
  })

  it('lets a browser that keeps its drafts to itself write one there, but not a plain note', () => {
    expect(judge('adviezen', true, { keepsDrafts: true }).ok).toBe(true)
    expect(judge('adviezen', false, { keepsDrafts: true }).ok).toBe(false)
  })

  it('refuses a note moved in from the free area, and says nothing about the zone once it is revealed', () => {
    const free = noteRecord({ id: 'shape:n1', x: -3000, y: -3000, authorId: 'anna', text: 'vrij' })
    const moved = judgeOnBoard(
      g2,
      'adviezen',
      anna,
      [{ id: 'shape:n1', prev: free, next: note(false) }],
      [free],
    )
    expect(moved.ok).toBe(false)
    if (!moved.ok) expect(moved.reason.en).toContain('Write here for yourself')
    const ctx = { template: g2, actor: anna } as PolicyContext
    expect(isPrivateFor({ ...ctx, phaseId: 'adviezen' }, 'adviezen')).toBe(true)
    expect(isPrivateFor({ ...ctx, phaseId: 'advies-kiezen' }, 'adviezen')).toBe(false)
    // The inbrenger only listens in this phase: closed to her, not private.
    expect(
      isPrivateFor(
        { ...ctx, phaseId: 'adviezen', actor: { participantId: 'ina', role: 'inbrenger' } },
        'adviezen',
      ),
    ).toBe(false)
  })
})
