import { judgeAsset } from './assetPolicy'
import { judgeAuthorship } from './authorship'
import { judgeBinding } from './bindingPolicy'
import { authorOf, type BoardRecord, indexBy, shapeWorld } from './boardRecords'
import { describeProblem, drawProblem, MEETING_SHAPE_TYPES } from './drawable/drawableRecord'
import { judgeDocument } from './outcome/outcomePolicy'
import { FINISHED_PHASE_ID, PAUSED_PHASE_ID } from './permissions'
import { deny, type PolicyContext, type RecordChange, type Verdict } from './policyTypes'
import { DEFAULT_RECORD_LIMITS, recordTextLength } from './recordText'
import type { ShapeWorld } from './shapeGeometry'
import { type BatchBoard, judgeShape } from './shapePolicy'

export { RATING_VALUES } from './marks'
export type { Actor, PolicyContext, RecordChange, Verdict } from './policyTypes'

/**
 * Who may change what: one function that judges a batch of record changes against the current
 * phase, the zone and the actor's role. The server runs it on every incoming update; the client
 * runs it in tldraw's side effects, so a refusal is explained before anything is sent.
 * Shapes: shapePolicy.ts (zones by where a shape is drawn, marks in marks.ts); assets:
 * assetPolicy.ts; the document record (settings, and the inbrenger's choices of the outcome):
 * outcome/outcomePolicy.ts; every record: at most `limits.maxRecordTextChars` of text, and only
 * as the editor can draw it (drawable/drawableRecord.ts).
 */
export function judgeChanges(ctx: PolicyContext, changes: readonly RecordChange[]): Verdict {
  if (ctx.actor.role === 'observer' && changes.length > 0) {
    return deny(changes[0]!.id, {
      nl: 'Als observator kijk je mee; je kunt het bord niet wijzigen.',
      en: 'As an observer you watch along; you cannot change the board.',
    })
  }
  if (ctx.phaseId === FINISHED_PHASE_ID && changes.length > 0) {
    return deny(changes[0]!.id, {
      nl: 'De bijeenkomst is afgerond; het bord kan niet meer worden gewijzigd.',
      en: 'The meeting is finished; the board can no longer be changed.',
    })
  }
  if (ctx.phaseId === PAUSED_PHASE_ID && changes.length > 0) {
    return deny(changes[0]!.id, {
      nl: 'Pauze: het bord is even dicht. Na de pauze kun je verder.',
      en: 'Break: the board is closed for now. You can carry on after the break.',
    })
  }
  // The state after the batch, to resolve parents of shapes created or moved together.
  const batch = new Map(changes.map((c) => [c.id, c.next]))
  const after = (id: string) => (batch.has(id) ? (batch.get(id) ?? undefined) : ctx.current(id))
  const board = batchBoard(ctx, changes, batch, after)
  const maxText = ctx.limits?.maxRecordTextChars ?? DEFAULT_RECORD_LIMITS.maxRecordTextChars

  for (const change of changes) {
    const { prev, next } = change
    // Nor may a shape change its type (tldraw never does; a browser that writes its placeholder
    // for an undrawable record over that record would).
    if (prev && next && (prev.typeName !== next.typeName || prev.type !== next.type)) {
      return deny(change.id, {
        nl: 'Een element op het bord kan niet van soort veranderen.',
        en: 'A board record cannot change its kind.',
      })
    }
    if (next && recordTextLength(next, maxText) > maxText) {
      return deny(change.id, {
        nl: `Dit is te lang: hoogstens ${maxText} tekens per notitie of element.`,
        en: `This is too long: at most ${maxText} characters per note or record.`,
      })
    }
    const undrawable = next && drawProblem(next, { shapeTypes: MEETING_SHAPE_TYPES })
    if (undrawable) return deny(change.id, describeProblem(undrawable))
    // A record nobody can draw (stored before these rules, or written past them) shows as a
    // placeholder; the begeleider or its author removes it, wherever it is.
    if (prev && !next && mayRemoveUndrawable(ctx, prev)) continue
    const typeName = (prev ?? next)?.typeName
    // Names on a shape (last editor, anonymous notes) before where it is: authorship.ts.
    const names = typeName === 'shape' ? judgeAuthorship(ctx, change) : { ok: true as const }
    if (!names.ok) return names
    const verdict =
      typeName === 'shape'
        ? judgeShape(ctx, board, change)
        : typeName === 'asset'
          ? judgeAsset(ctx, change, changes)
          : typeName === 'document'
            ? judgeDocument(ctx, change, board.after)
            : judgeOtherRecord(ctx, board, change)
    if (!verdict.ok) return verdict
  }
  return { ok: true }
}

/** The board before the batch (the context's view) and after it (the batch laid over it). */
function batchBoard(
  ctx: PolicyContext,
  changes: readonly RecordChange[],
  batch: Map<string, BoardRecord | null>,
  after: (id: string) => BoardRecord | undefined,
): BatchBoard {
  const indexed = shapeWorld(ctx.current, ctx.allShapes, ctx.allBindings)
  const before: ShapeWorld = {
    get: ctx.current,
    children: ctx.children ?? indexed.children,
    bindingsFrom: ctx.bindingsFrom ?? indexed.bindingsFrom,
    bindingsTo: ctx.bindingsTo ?? indexed.bindingsTo,
  }
  const created = new Set(changes.filter((c) => c.prev === null).map((c) => c.id))
  // Children after the batch: those before that the batch leaves alone, plus the batch's own.
  const batchByParent = indexBy(
    changes.flatMap(({ next }) => (next?.typeName === 'shape' ? [next] : [])),
    'parentId',
  )
  // Bindings after the batch, the same way: arrows are drawn where their bindings are then.
  const batchBindings = changes.flatMap(({ next }) => (next?.typeName === 'binding' ? [next] : []))
  const batchFrom = indexBy(batchBindings, 'fromId')
  const batchTo = indexBy(batchBindings, 'toId')
  const kept = (list: Iterable<BoardRecord> | undefined) =>
    [...(list ?? [])].filter((binding) => !batch.has(binding.id))
  return {
    before,
    after: {
      get: after,
      *children(parentId) {
        for (const shape of before.children(parentId)) if (!batch.has(shape.id)) yield shape
        yield* batchByParent.get(parentId) ?? []
      },
      bindingsFrom: (id) => [...kept(before.bindingsFrom?.(id)), ...(batchFrom.get(id) ?? [])],
      bindingsTo: (id) => [...kept(before.bindingsTo?.(id)), ...(batchTo.get(id) ?? [])],
    },
    inBatch: (id) => batch.has(id),
    createdInBatch: (id) => created.has(id),
    addedPerZone: new Map(),
    carried: new Set(),
  }
}

function mayRemoveUndrawable(ctx: PolicyContext, record: BoardRecord): boolean {
  const mayClean = ctx.actor.role === 'begeleider' || authorOf(record) === ctx.actor.participantId
  return mayClean && drawProblem(record, { shapeTypes: MEETING_SHAPE_TYPES }) !== null
}

function judgeOtherRecord(ctx: PolicyContext, board: BatchBoard, change: RecordChange): Verdict {
  const record = (change.next ?? change.prev)!
  switch (record.typeName) {
    case 'binding':
      return judgeBinding(ctx, board, change)
    case 'user': {
      // tldraw keeps a user record (name, colour) for attribution on notes: only your own, named as you.
      const own = record.id === `user:${ctx.actor.participantId}`
      const named = ctx.actor.name === undefined || change.next?.name === ctx.actor.name
      if (own && change.next && named) return { ok: true }
      return deny(change.id, {
        nl: 'Je kunt alleen je eigen naam op het bord zetten.',
        en: 'You can only put your own name on the board.',
      })
    }
    case 'page':
      if (ctx.actor.role === 'begeleider' && change.next !== null) return { ok: true }
      return deny(change.id, {
        nl: 'De indeling van het bord hoort bij de methode en kan niet worden gewijzigd.',
        en: 'The board layout belongs to the method and cannot be changed.',
      })
    default:
      return deny(change.id, {
        nl: `Dit soort gegevens (${record.typeName}) kan niet via het bord worden gewijzigd.`,
        en: `This kind of data (${record.typeName}) cannot be changed through the board.`,
      })
  }
}
