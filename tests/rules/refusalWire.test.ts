import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { encodeRefusal, REFUSED_MESSAGE, type Refusal, readRefusal } from '../../shared/wire'

/**
 * A refusal on the wire (wire.ts): its code arrives as sent when it is one the client acts on
 * ("outOfSync": start over; "unavailable": try later), anything else reads as "forbidden", and a
 * broken frame still reads as a refusal, never as an error.
 */
function roundTrip(bytes: Uint8Array): Refusal {
  const decoder = decoding.createDecoder(bytes)
  expect(decoding.readVarUint(decoder)).toBe(REFUSED_MESSAGE)
  return readRefusal(decoder)
}

function frame(text: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, REFUSED_MESSAGE)
  encoding.writeVarString(encoder, text)
  return encoding.toUint8Array(encoder)
}

describe('a refusal on the wire', () => {
  it('keeps the codes the client acts on, and its words', () => {
    for (const code of ['outOfSync', 'unavailable', 'forbidden'] as const)
      expect(roundTrip(encodeRefusal({ code, nl: 'Nee.', en: 'No.' }))).toEqual({
        code,
        nl: 'Nee.',
        en: 'No.',
      })
  })

  it('reads any other code, or a broken frame, as forbidden', () => {
    expect(roundTrip(frame(JSON.stringify({ code: 'root', nl: 'x', en: 'y' })))).toEqual({
      code: 'forbidden',
      nl: 'x',
      en: 'y',
    })
    expect(roundTrip(frame('{niet json'))).toEqual({ code: 'forbidden', nl: '', en: '' })
    expect(roundTrip(frame(JSON.stringify({ code: 'outOfSync', nl: 3 })))).toEqual({
      code: 'outOfSync',
      nl: '',
      en: '',
    })
  })
})
