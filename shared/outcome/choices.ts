import { z } from 'zod'
import type { BoardRecord } from '../boardRecords'

/**
 * What the inbrenger decides at the end of a meeting, kept in the room's document record
 * (`meta.outcome` of `document:document`): the one advice they choose (the id of an advice note)
 * and the action as a SMART form. One record, so "one advice" holds by construction, and only
 * the inbrenger may write it (outcomePolicy.ts).
 */

/** Characters per field of the SMART form. */
export const SMART_FIELD_MAX = 1000

export const SMART_FIELDS = ['specifiek', 'meetbaar', 'acceptabel', 'realistisch', 'tijdgebonden'] as const
export type SmartField = (typeof SMART_FIELDS)[number]

/** The action, SMART (seed 000): specific, measurable, acceptable, realistic, time-bound. */
export const SmartAction = z
  .object(
    Object.fromEntries(SMART_FIELDS.map((f) => [f, z.string().max(SMART_FIELD_MAX)])) as Record<
      SmartField,
      z.ZodString
    >,
  )
  .strict()
export type SmartAction = z.infer<typeof SmartAction>

export const OutcomeChoices = z
  .object({
    /** The advice note the inbrenger chose, or null. */
    chosenAdviceId: z.string().max(200).nullable().default(null),
    action: SmartAction.nullable().default(null),
  })
  .strict()
export type OutcomeChoices = z.infer<typeof OutcomeChoices>

export const NO_CHOICES: OutcomeChoices = { chosenAdviceId: null, action: null }

/** The key in the document record's meta that holds the choices. */
export const CHOICES_META_KEY = 'outcome'

/** The raw choices value of a document record (undefined: none written). */
export function rawChoices(document: BoardRecord | undefined | null): unknown {
  return document?.meta?.[CHOICES_META_KEY]
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `OutcomeChoices.safeParse` written out (tests/rules/choicesParse.test.ts holds them equal): the
 * board reads choices on every change, and zod should not load with the board for two fields.
 * Null when the value does not parse.
 */
export function parseChoices(raw: unknown): OutcomeChoices | null {
  if (!isPlainObject(raw)) return null
  if (Object.keys(raw).some((key) => key !== 'chosenAdviceId' && key !== 'action')) return null
  const chosen = raw.chosenAdviceId ?? null
  if (chosen !== null && (typeof chosen !== 'string' || chosen.length > 200)) return null
  const rawAction = raw.action ?? null
  if (rawAction === null) return { chosenAdviceId: chosen, action: null }
  if (!isPlainObject(rawAction)) return null
  if (Object.keys(rawAction).some((key) => !(SMART_FIELDS as readonly string[]).includes(key))) return null
  const action = {} as SmartAction
  for (const field of SMART_FIELDS) {
    const text = rawAction[field]
    if (typeof text !== 'string' || text.length > SMART_FIELD_MAX) return null
    action[field] = text
  }
  return { chosenAdviceId: chosen, action }
}

/** The choices in a document record; anything unreadable counts as no choice. */
export function readChoices(document: BoardRecord | undefined | null): OutcomeChoices {
  const raw = rawChoices(document)
  if (raw === undefined) return NO_CHOICES
  return parseChoices(raw) ?? NO_CHOICES
}

/** The document record with the choices changed by `patch` (everything else as it was). */
export function withChoices<R extends BoardRecord>(document: R, patch: Partial<OutcomeChoices>): R {
  const choices = { ...readChoices(document), ...patch }
  return { ...document, meta: { ...document.meta, [CHOICES_META_KEY]: choices } }
}

/** True when every field of the form is empty: nothing to report. */
export function isEmptyAction(action: SmartAction | null): boolean {
  return action === null || SMART_FIELDS.every((f) => action[f].trim() === '')
}
