import { describe, expect, it } from 'vitest'
import { freeAreaAccess } from '../../shared/permissions'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'

/**
 * A method may open the free area to a role with a single action (say, only moving notes there):
 * that one action is granted, nothing more; an empty list closes the free area.
 */
function withFreeArea(phaseFreeArea: Record<string, string[]>) {
  const json = structuredClone(mini) as typeof mini & { phases: Array<Record<string, unknown>> }
  json.phases[0]!.freeArea = phaseFreeArea
  const parsed = parseTemplate(json)
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  return parsed.template
}

describe('a free area opened with one action', () => {
  it('grants that action alone', () => {
    const access = freeAreaAccess(withFreeArea({ deelnemer: ['move'] }), 'vragen-stellen', 'deelnemer')
    expect([...access.can]).toEqual(['move'])
  })

  it('is closed by an empty list', () => {
    const access = freeAreaAccess(withFreeArea({ deelnemer: [] }), 'vragen-stellen', 'deelnemer')
    expect(access.can.size).toBe(0)
  })
})
