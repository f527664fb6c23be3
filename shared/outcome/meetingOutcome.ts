import {
  authorOf,
  type BoardRecord,
  DOCUMENT_ID,
  isZoneFrame,
  ratingOf,
  shapeWorld,
  zoneOfShape,
} from '../boardRecords'
import { boardLayout } from '../layout'
import { RATING_VALUES } from '../marks'
import type { MeetingProgress } from '../phaseMachine'
import { type LocalizedText, OUTCOME_KINDS, type OutcomeKind, type RoleId } from '../schema'
import { isContainer, shapePageCentre } from '../shapeGeometry'
import type { Template } from '../templateSchema'
import { isEmptyAction, readChoices, type SmartAction } from './choices'
import { evaluationAnonymous, scoreOf, scoreSummary } from './evaluation'
import { plainTextOf } from './noteText'
import { outcomeZones } from './outcomeZones'

/** What the outcome needs to know about the people in the meeting. */
export interface OutcomePerson {
  id: string
  name: string
  role: RoleId
}

/** Everything the outcome is derived from: the template, the meeting's progress, the room's records. */
export interface OutcomeInput {
  template: Template
  title: string
  progress: MeetingProgress
  participants: readonly OutcomePerson[]
  /** The room's tldraw records (the document record and the shapes; others are ignored). */
  records: Iterable<BoardRecord>
}

/** A note as the outcome reports it. */
export interface OutcomeNote {
  id: string
  zoneId: string
  text: string
  authorId: string | null
  /** The author's display name, when they are a participant of the meeting. */
  author: string | null
  mark: string | null
  /** The score (1 to 5) an evaluation note carries, or null. */
  score: number | null
}

/** One zone's part of the outcome. */
export interface OutcomeZone {
  id: string
  kind: OutcomeKind
  title: LocalizedText
  /** The zone's rating scale, and how many notes got each value (null: not rated here). */
  rating: { values: readonly string[]; counts: Record<string, number>; unrated: number } | null
  notes: OutcomeNote[]
}

/** The meeting's outcome: what the group takes away, filled as the phases go. */
export interface MeetingOutcome {
  title: string
  method: { id: string; ref: string; name: LocalizedText }
  started: boolean
  finished: boolean
  /** The phase the meeting is in (null before the start and after the last phase). */
  phase: { index: number; title: LocalizedText } | null
  people: { inbrenger: string[]; begeleider: string[]; others: string[] }
  chosenCase: string | null
  zones: Record<OutcomeKind, OutcomeZone[]>
  /** The advice the inbrenger chose, while it is still on the board in an advice zone. */
  chosenAdvice: OutcomeNote | null
  /** The inbrenger's SMART action (null: not filled in). */
  action: SmartAction | null
  /** The evaluation's scores, and whether its notes are reported without names. */
  evaluation: { anonymous: boolean; count: number; mean: number | null }
}

/**
 * The outcome of a meeting, derived from the board alone: every note with text in a zone the
 * template marks with `outcome`, in reading order (top to bottom, then left to right), with its
 * author and mark; the case the facilitator noted; the inbrenger's choices from the document
 * record; the evaluation's scores, without names when the facilitator made it anonymous. The zone
 * of a note is where it is drawn (zoneOfShape), as the rules see it. Pure: the
 * client runs it on its store, a server or a test on the room's records.
 */
export function deriveOutcome(input: OutcomeInput): MeetingOutcome {
  const { template, progress } = input
  const byId = new Map<string, BoardRecord>()
  for (const record of input.records) byId.set(record.id, record)
  const shapes = [...byId.values()].filter((r) => r.typeName === 'shape')
  const world = shapeWorld(
    (id) => byId.get(id),
    () => shapes,
  )
  const rects = boardLayout(template)
  const names = new Map(input.participants.map((p) => [p.id, p.name]))

  const notesByZone = new Map<string, Array<OutcomeNote & { x: number; y: number }>>()
  for (const shape of shapes) {
    if (isZoneFrame(shape) || isContainer(shape)) continue
    const text = plainTextOf(shape)
    if (text === '') continue
    const zone = zoneOfShape(shape, world, rects)
    const centre = shapePageCentre(shape, world)
    if (!zone.ok || zone.zoneId === null || !centre.ok) continue
    const authorId = authorOf(shape)
    const note = {
      id: shape.id,
      zoneId: zone.zoneId,
      text,
      authorId,
      author: authorId ? (names.get(authorId) ?? null) : null,
      mark: ratingOf(shape),
      score: scoreOf(shape),
      ...centre.value,
    }
    const list = notesByZone.get(zone.zoneId)
    if (list) list.push(note)
    else notesByZone.set(zone.zoneId, [note])
  }

  const zones = Object.fromEntries(
    OUTCOME_KINDS.map((kind) => [
      kind,
      outcomeZones(template, kind).map((zone): OutcomeZone => {
        const notes = (notesByZone.get(zone.id) ?? []).sort(readingOrder).map(({ x: _x, y: _y, ...n }) => n)
        return { id: zone.id, kind, title: zone.title, rating: tally(zone.rating, notes), notes }
      }),
    ]),
  ) as Record<OutcomeKind, OutcomeZone[]>

  // What else was worked out: only the zones someone wrote in (an empty one says nothing).
  zones.discussion = zones.discussion.filter((zone) => zone.notes.length > 0)

  const document = byId.get(DOCUMENT_ID)
  const anonymous = evaluationAnonymous(document)
  if (anonymous) {
    for (const zone of zones.evaluation)
      zone.notes = zone.notes.map((note) => ({ ...note, authorId: null, author: null }))
  }
  const choices = readChoices(document)
  const chosenAdvice =
    zones.advice.flatMap((z) => z.notes).find((note) => note.id === choices.chosenAdviceId) ?? null
  const phase = progress.finished ? undefined : template.phases[progress.phaseIndex]
  const named = (role: RoleId) => input.participants.filter((p) => p.role === role).map((p) => p.name)
  return {
    title: input.title,
    method: { id: template.id, ref: template.ref, name: template.name },
    started: progress.phaseIndex >= 0,
    finished: progress.finished,
    phase: phase ? { index: progress.phaseIndex, title: phase.title } : null,
    people: {
      inbrenger: named('inbrenger'),
      begeleider: named('begeleider'),
      others: input.participants
        .filter((p) => p.role !== 'inbrenger' && p.role !== 'begeleider')
        .map((p) => p.name),
    },
    chosenCase: progress.chosenCase,
    zones,
    chosenAdvice,
    action: isEmptyAction(choices.action) ? null : choices.action,
    evaluation: {
      anonymous,
      ...scoreSummary(
        zones.evaluation.flatMap((z) => z.notes.flatMap((n) => (n.score === null ? [] : [n.score]))),
      ),
    },
  }
}

/** Rows of notes a little apart count as one row, read left to right. */
const ROW_TOLERANCE = 40

function readingOrder(a: { x: number; y: number }, b: { x: number; y: number }): number {
  if (Math.abs(a.y - b.y) > ROW_TOLERANCE) return a.y - b.y
  return a.x - b.x
}

function tally(scale: keyof typeof RATING_VALUES | undefined, notes: readonly OutcomeNote[]) {
  if (!scale) return null
  const values = RATING_VALUES[scale]
  const counts: Record<string, number> = Object.fromEntries(values.map((v) => [v, 0]))
  let unrated = 0
  for (const note of notes) {
    if (note.mark !== null && note.mark in counts) counts[note.mark]!++
    else unrated++
  }
  return { values, counts, unrated }
}
