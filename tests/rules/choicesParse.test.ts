import { describe, expect, it } from 'vitest'
import { isSealedText, SealedText } from '../../shared/drafts/sealedDrafts'
import { OutcomeChoices, parseChoices, SMART_FIELDS } from '../../shared/outcome/choices'

/**
 * The board checks choices and sealed texts without zod (so zod stays out of its bundle); the
 * server's schemas remain the definition. Both must answer every input alike.
 */
const action = Object.fromEntries(SMART_FIELDS.map((f) => [f, `${f} text`]))
const CHOICES: unknown[] = [
  undefined,
  null,
  'text',
  42,
  [],
  {},
  { chosenAdviceId: null },
  { chosenAdviceId: undefined, action: undefined },
  { chosenAdviceId: 'shape:advice1' },
  { chosenAdviceId: 'x'.repeat(200) },
  { chosenAdviceId: 'x'.repeat(201) },
  { chosenAdviceId: 7 },
  { chosenAdviceId: null, extra: 1 },
  { chosenAdviceId: null, extra: undefined },
  { action: null },
  { action },
  { action: { ...action, specifiek: 'y'.repeat(1000) } },
  { action: { ...action, specifiek: 'y'.repeat(1001) } },
  { action: { ...action, meetbaar: undefined } },
  { action: { ...action, meetbaar: 3 } },
  { action: { ...action, extra: '' } },
  { action: [] },
  { action: 'do it' },
  { chosenAdviceId: 'shape:a', action },
]

describe('parseChoices', () => {
  it.each(CHOICES.map((input) => [(JSON.stringify(input) ?? 'undefined').slice(0, 60), input]))(
    '%s as the schema',
    (_, input) => {
      const parsed = OutcomeChoices.safeParse(input)
      expect(parseChoices(input)).toEqual(parsed.success ? parsed.data : null)
    },
  )
})

const SEALED: unknown[] = [
  undefined,
  null,
  12,
  'A'.repeat(39),
  'A'.repeat(40),
  `${'A'.repeat(38)}==`,
  `${'A'.repeat(37)}===`,
  `${'A'.repeat(40)}-_`,
  `${'A+/9'.repeat(10)}`,
  'A'.repeat(24_000),
  'A'.repeat(24_001),
  `${'A'.repeat(40)}\n`,
]

describe('isSealedText', () => {
  it.each(SEALED.map((input) => [String(input).slice(0, 50), input]))('%s as the schema', (_, input) => {
    expect(isSealedText(input)).toBe(SealedText.safeParse(input).success)
  })
})
