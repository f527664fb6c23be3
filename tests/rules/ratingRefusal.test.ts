import { describe, expect, it } from 'vitest'
import { zoneRect } from '../../shared/layout'
import type { Actor } from '../../shared/recordPolicy'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * A rating that is not on the zone's scale is refused naming what was given, when it is short
 * text; anything else is named "this" (a long or odd value is not echoed back).
 */
const parsed = parseTemplate(mini)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template = parsed.template
const ina: Actor = { participantId: 'ina', role: 'inbrenger' }
const r = zoneRect(template, 'vragen')
const question = noteRecord({
  id: 'shape:q',
  x: r.x + 30,
  y: r.y + 50,
  authorId: 'dirk',
  text: 'Wat wil je?',
})
const rated = (rating: unknown) => {
  const verdict = judgeOnBoard(
    template,
    'waarderen',
    ina,
    [{ id: question.id, prev: question, next: { ...question, meta: { ...question.meta, rating } } }],
    [question],
  )
  return verdict.ok ? null : verdict.reason.nl
}

describe('a rating off the scale', () => {
  it('is refused naming a short text, and naming nothing else', () => {
    expect(rated('W')).toBeNull()
    expect(rated('super')).toBe('"super" is geen geldige waardering hier.')
    expect(rated('x'.repeat(21))).toBe('Dit is geen geldige waardering hier.')
    expect(rated(5)).toBe('Dit is geen geldige waardering hier.')
  })
})
