import { describe, expect, it } from 'vitest'
import { reflectionStart } from '../../client/src/report/reflectionStart'

/**
 * Where the reflection report starts (issue 17): answers that so far lived only in this browser
 * are carried over to the server once; the server's copy wins only over answers already stored;
 * a signed-off report is shown as signed, without overwriting what this browser still holds.
 */
const at = (stored: boolean, signedOff: boolean, localHasText: boolean, unsent: boolean) =>
  reflectionStart({ stored, signedOff, localHasText, unsent })

describe('the reflection report on opening', () => {
  it('carries answers kept only in this browser over to the server', () => {
    // From before the server kept reports: no mark of an upload, so they are unsent.
    expect(at(false, false, true, true)).toBe('upload')
    // Typed offline after an earlier upload: they win over the server's older copy.
    expect(at(true, false, true, true)).toBe('upload')
  })

  it("takes the server's copy when this browser has nothing newer", () => {
    expect(at(true, false, true, false)).toBe('server')
    expect(at(true, false, false, true)).toBe('server')
    expect(at(false, false, false, true)).toBe('nothing')
  })

  it('shows a signed-off report as signed, and leaves unsent answers here untouched', () => {
    expect(at(true, true, true, false)).toBe('server')
    expect(at(true, true, true, true)).toBe('serverKeepLocal')
  })
})
