import { describe, expect, it } from 'vitest'
import { recordTextLength } from '../../shared/recordText'
import { noteRecord } from '../helpers/records'

/**
 * The text a record carries, counted against a limit (recordText.ts): whatever the limit, a record
 * with more text than it is counted as over it, also when the count reaches the limit exactly
 * part-way through the record; a record within it is counted in full.
 */
describe('counting a record’s text against a limit', () => {
  it('says "over" for every limit below the record’s text, and the full count from there up', () => {
    const note = noteRecord({ id: 'shape:n', x: 0, y: 0, authorId: 'anna', text: 'Wat maakt dit lastig?' })
    const record = { ...note, meta: { ...note.meta, label: 'twee', more: ['drie', 'vier'] } }
    const total = recordTextLength(record, Number.POSITIVE_INFINITY)
    expect(total).toBeGreaterThan(40)
    for (let limit = 0; limit < total; limit++)
      expect(recordTextLength(record, limit), `${limit}`).toBeGreaterThan(limit)
    for (const limit of [total, total + 1, 10_000]) expect(recordTextLength(record, limit)).toBe(total)
  })
})
