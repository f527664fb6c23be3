import { type BoardRecord, isZoneFrame, zoneOfShape } from '../boardRecords'
import { deny, type PolicyContext, type RecordChange, type Verdict } from '../policyTypes'
import { isContainer, type ShapeWorld } from '../shapeGeometry'
import { CHOICES_META_KEY, parseChoices, rawChoices } from './choices'
import { firstAdvicePhase, isAdviceZone } from './outcomeZones'

/**
 * Who may change the room's document record. Its settings (name, grid) belong to the method's
 * board: only the begeleider. Its `meta.outcome` holds the inbrenger's choices (choices.ts): only
 * the inbrenger writes them, the begeleider included may not, and only with valid content:
 * - the chosen advice names a note (not a zone, group or frame) drawn in an advice zone (after the
 *   batch), from the phase in
 *   which advice can first be written; null takes the choice back;
 * - the SMART action is five texts of bounded length, any time once the meeting has started.
 * After "Afgerond" nobody changes anything (judgeChanges refuses before this).
 * `after` is the board as the batch leaves it, to find the chosen note where it is drawn.
 */
export function judgeDocument(ctx: PolicyContext, change: RecordChange, after: ShapeWorld): Verdict {
  const { id, prev, next } = change
  if (next === null) return layoutDenied(id)
  const settingsChanged = prev === null || !sameJson(withoutChoices(prev), withoutChoices(next))
  if (settingsChanged && ctx.actor.role !== 'begeleider') return layoutDenied(id)
  if (sameJson(rawChoices(prev), rawChoices(next))) return { ok: true }
  return judgeChoices(ctx, id, prev, next, after)
}

function judgeChoices(
  ctx: PolicyContext,
  id: string,
  prev: BoardRecord | null,
  next: BoardRecord,
  after: ShapeWorld,
): Verdict {
  if (ctx.actor.role !== 'inbrenger') {
    return deny(id, {
      nl: 'Alleen de inbrenger kiest een advies en schrijft de actie op.',
      en: 'Only the inbrenger chooses an advice and writes down the action.',
    })
  }
  const phaseIndex = ctx.template.phases.findIndex((p) => p.id === ctx.phaseId)
  if (phaseIndex < 0) {
    return deny(id, {
      nl: 'De bijeenkomst is nog niet begonnen; kiezen kan zodra ze loopt.',
      en: 'The meeting has not started yet; choosing is possible once it runs.',
    })
  }
  const parsed = parseChoices(rawChoices(next))
  if (!parsed) {
    return deny(id, {
      nl: 'Deze keuze of actie is niet goed ingevuld (elk veld hoogstens 1000 tekens).',
      en: 'This choice or action is not filled in properly (each field at most 1000 characters).',
    })
  }
  const before = prev ? parseChoices(rawChoices(prev)) : null
  const chosen = parsed.chosenAdviceId
  const wasChosen = before ? before.chosenAdviceId : null
  if (chosen !== null && chosen !== wasChosen) {
    const first = firstAdvicePhase(ctx.template)
    if (first < 0 || phaseIndex < first) {
      return deny(id, {
        nl: 'Een advies kiezen kan pas als de adviezen er zijn.',
        en: 'Choosing an advice is possible once the advice is there.',
      })
    }
    const note = after.get(chosen)
    const isNote = note?.typeName === 'shape' && !isZoneFrame(note) && !isContainer(note)
    const zone = isNote ? zoneOfShape(note, after, ctx.rects) : null
    if (!zone?.ok || !isAdviceZone(ctx.template, zone.zoneId)) {
      return deny(id, {
        nl: 'Kies een advies uit de adviezen op het bord.',
        en: 'Choose an advice from the advice on the board.',
      })
    }
  }
  return { ok: true }
}

function layoutDenied(id: string): Verdict {
  return deny(id, {
    nl: 'De indeling van het bord hoort bij de methode en kan niet worden gewijzigd.',
    en: 'The board layout belongs to the method and cannot be changed.',
  })
}

/** The document record without the choices, to see whether anything else changed. */
function withoutChoices(record: BoardRecord): BoardRecord {
  const { [CHOICES_META_KEY]: _choices, ...meta } = record.meta ?? {}
  return { ...record, meta }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
