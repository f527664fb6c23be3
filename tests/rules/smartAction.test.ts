import { describe, expect, it } from 'vitest'
import { isEmptyAction, SMART_FIELDS, type SmartAction } from '../../shared/outcome/choices'

/** A SMART action with nothing but spaces in it is no action: the report says it is not filled in. */
const action = (filled: Partial<SmartAction> = {}) =>
  ({ ...Object.fromEntries(SMART_FIELDS.map((f) => [f, ''])), ...filled }) as SmartAction

describe('an empty action', () => {
  it('is none, blank or only spaces; one field written makes it an action', () => {
    expect(isEmptyAction(null)).toBe(true)
    expect(isEmptyAction(action())).toBe(true)
    expect(isEmptyAction(action({ specifiek: '   ', tijdgebonden: '\n' }))).toBe(true)
    for (const field of SMART_FIELDS) expect(isEmptyAction(action({ [field]: 'x' })), field).toBe(false)
  })
})
