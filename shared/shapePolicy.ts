import type { BatchBoard } from './batchBoard'
import { authorOf, type BoardRecord, classifyShapeUpdate, isZoneFrame, zoneOfShape } from './boardRecords'
import { judgePrivateWriting } from './drafts/privateWriting'
import { judgeRevealedChange } from './drafts/revealedNotes'
import { groupTagProblem } from './groupWork'
import { judgeMark, maySortByMark } from './marks'
import { judgeEvaluationEdit } from './outcome/evaluation'
import { accessFor, findZone, mayEdit, mayMove, mayPublishDrafts, type ResolvedAccess } from './permissions'
import { deny, type PolicyContext, type RecordChange, type Verdict } from './policyTypes'
import { judgeQuestionCount } from './questionCount'
import type { LocalizedText } from './schema'
import { judgeSentences } from './sentenceLimit'
import {
  descendantsOf,
  isContainer,
  MAX_CONTAINED_SHAPES,
  MAX_PARENT_DEPTH,
  type PlacementProblem,
} from './shapeGeometry'
import { onlyLetsGo, ownerOfShape } from './shapeRemoval'

export type { BatchBoard } from './batchBoard'
export { mayRemoveShape } from './shapeRemoval'

/**
 * One shape created, changed or removed. Its zone before and after is where it is drawn (see
 * zoneOfShape); a shape inside a group or frame that moves, or is removed, is judged as moved
 * along with it, since the change moves it on everyone's screen without touching its record.
 */
export function judgeShape(ctx: PolicyContext, board: BatchBoard, change: RecordChange): Verdict {
  const verdict = judgeOwnChange(ctx, board, change)
  if (!verdict.ok) return verdict
  const carried = carriesShapes(change) ? judgeCarried(ctx, board, change.prev!) : verdict
  if (!carried.ok || !change.next) return carried
  return judgeArrowsBoundTo(ctx, board, change.next)
}

/**
 * Arrows bound to a shape are drawn to wherever the shape is: a shape that moves or grows moves
 * their ends, so each is judged again (once per batch), as drawn after the batch. Arrows bind
 * to shapes, not to arrows, so this goes one level deep.
 */
function judgeArrowsBoundTo(ctx: PolicyContext, board: BatchBoard, shape: BoardRecord): Verdict {
  if (shape.type === 'arrow' || !board.after.bindingsTo) return { ok: true }
  let seen = 0
  for (const binding of board.after.bindingsTo(shape.id)) {
    if (binding.typeName !== 'binding' || binding.toId !== shape.id) continue
    if (++seen > MAX_CONTAINED_SHAPES) return deny(shape.id, placementText('tooManyShapes'))
    const verdict = judgeArrowPlace(ctx, board, String(binding.fromId))
    if (!verdict.ok) return verdict
  }
  return { ok: true }
}

/**
 * An arrow the batch does not change itself, drawn elsewhere now that its bindings changed:
 * judged once, as moved from where it was drawn to where it is drawn after the batch.
 */
export function judgeArrowPlace(ctx: PolicyContext, board: BatchBoard, arrowId: string): Verdict {
  if (board.inBatch(arrowId) || board.carried.has(arrowId)) return { ok: true }
  const before = board.before.get(arrowId)
  const after = board.after.get(arrowId)
  if (!before || !after) return { ok: true }
  board.carried.add(arrowId)
  return judgeShape(ctx, board, { id: arrowId, prev: before, next: after })
}

function judgeOwnChange(ctx: PolicyContext, board: BatchBoard, { id, prev, next }: RecordChange): Verdict {
  if ((prev && isZoneFrame(prev)) || (next && isZoneFrame(next))) {
    return deny(id, {
      nl: 'De zones horen bij de methode; alleen de server legt ze neer.',
      en: 'Zones belong to the method; only the server places them.',
    })
  }
  const me = ctx.actor.participantId
  const before = prev ? zoneOfShape(prev, board.before, ctx.rects) : null
  if (before && !before.ok) {
    // A shape stored before these rules with a broken chain: its author or the begeleider may remove it.
    const cleanUp = !next && (ctx.actor.role === 'begeleider' || authorOf(prev!) === me)
    return cleanUp ? { ok: true } : deny(id, placementText(before.problem))
  }
  const after = next ? zoneOfShape(next, board.after, ctx.rects) : null
  if (after && !after.ok) return deny(id, placementText(after.problem))
  const zoneBefore = before?.zoneId ?? null
  const zoneAfter = after?.zoneId ?? null
  const sealed = judgeRevealedChange(ctx, { id, prev, next })
  if (sealed) return sealed
  const hidden = judgePrivateWriting(ctx, id, prev, next, zoneAfter)
  if (hidden) return hidden

  const verdict = judgePlacement(ctx, board, { id, prev, next }, zoneBefore, zoneAfter)
  if (!verdict.ok) return verdict
  const evaluation = judgeEvaluationEdit(ctx, { id, prev, next }, zoneBefore, zoneAfter)
  if (!evaluation.ok) return evaluation
  const sentences = judgeSentences(ctx, id, prev, next, zoneBefore, zoneAfter)
  if (!sentences.ok) return sentences
  const questions = judgeQuestionCount(ctx, id, prev, next, zoneBefore, zoneAfter)
  if (!questions.ok) return questions
  // A released note keeps what its author wrote (no pair then): the begeleider only puts it down.
  const tagProblem = ctx.releasedNote?.(id) ? null : groupTagProblem(ctx.groups, ctx.phaseId, prev, next)
  if (tagProblem) return deny(id, tagProblem)
  return judgeMark(
    ctx,
    id,
    prev && { record: prev, zoneId: zoneBefore },
    next && { record: next, zoneId: zoneAfter },
  )
}

/** Who may create, remove, move or change a shape, by the zones it leaves and enters. */
function judgePlacement(
  ctx: PolicyContext,
  board: BatchBoard,
  { id, prev, next }: RecordChange,
  zoneBefore: string | null,
  zoneAfter: string | null,
): Verdict {
  const me = ctx.actor.participantId
  const ownerOf = (record: BoardRecord) => ownerOfShape(ctx, record)
  if (!prev && next) {
    if (authorOf(next) !== me) {
      return deny(id, {
        nl: 'Nieuwe notities moeten op jouw naam staan.',
        en: 'New notes must carry your name as author.',
      })
    }
    return mayAdd(ctx, board, id, zoneAfter)
  }
  if (prev && !next) {
    const dangling = danglingBinding(board, id)
    if (dangling) return dangling
    const access = access_(ctx, zoneBefore)
    if (mayEdit(access, ownerOf(prev) === me)) return { ok: true }
    return deny(id, closedText(ctx, zoneBefore, access, { nl: 'verwijderen', en: 'remove' }))
  }
  if (!prev || !next) return { ok: true }

  if (authorOf(prev) !== authorOf(next)) {
    return deny(id, {
      nl: 'De maker van een notitie kan niet veranderen.',
      en: 'The author of a note cannot change.',
    })
  }
  const isOwn = ownerOf(prev) === me
  if (zoneBefore !== zoneAfter) {
    const from = access_(ctx, zoneBefore)
    if (!mayEdit(from, isOwn))
      return deny(id, closedText(ctx, zoneBefore, from, { nl: 'weghalen', en: 'take away' }))
    return mayAdd(ctx, board, id, zoneAfter)
  }
  const access = access_(ctx, zoneAfter)
  const what = classifyShapeUpdate(prev, next)
  // Someone else's arrow letting go of a shape that is being removed: tldraw rewrites its end.
  if (what.content && !mayEdit(access, isOwn) && !onlyLetsGo(ctx, board, prev, next)) {
    return deny(id, closedText(ctx, zoneAfter, access, { nl: 'wijzigen', en: 'change' }))
  }
  if (what.placement && !mayMove(access, isOwn) && !maySortByMark(ctx, zoneAfter, next, board.after)) {
    return deny(id, closedText(ctx, zoneAfter, access, { nl: 'verplaatsen', en: 'move' }))
  }
  return { ok: true }
}

/** Fields of a group or frame whose change moves (or unhooks) what is inside it. */
const CARRYING_FIELDS = ['typeName', 'type', 'parentId', 'x', 'y', 'rotation'] as const

function carriesShapes({ prev, next }: RecordChange): boolean {
  if (!prev || !isContainer(prev)) return false
  return !next || CARRYING_FIELDS.some((field) => prev[field] !== next[field])
}

/**
 * Shapes inside a moved or removed group or frame that the batch does not touch itself: each is
 * judged as its record unchanged, drawn where the batch leaves it. One walk over all levels.
 */
function judgeCarried(ctx: PolicyContext, board: BatchBoard, container: BoardRecord): Verdict {
  const inside = descendantsOf(container, board.before)
  if (!inside.ok) return deny(container.id, placementText(inside.problem))
  for (const shape of inside.value) {
    if (board.inBatch(shape.id) || board.carried.has(shape.id)) continue
    board.carried.add(shape.id)
    const verdict = judgeOwnChange(ctx, board, { id: shape.id, prev: shape, next: shape })
    if (!verdict.ok) return verdict
    const arrows = judgeArrowsBoundTo(ctx, board, shape)
    if (!arrows.ok) return arrows
  }
  return { ok: true }
}

/**
 * A removed shape takes the bindings to and from it along (as tldraw does), in the same batch:
 * an arrow bound to nothing would be drawn by each screen its own way.
 */
function danglingBinding(board: BatchBoard, id: string): Verdict | null {
  const left = [...(board.after.bindingsTo?.(id) ?? []), ...(board.after.bindingsFrom?.(id) ?? [])]
  if (!left.some((b) => b.typeName === 'binding' && (b.toId === id || b.fromId === id))) return null
  return deny(id, {
    nl: 'Deze vorm is met een pijl verbonden; haal die verbinding in dezelfde stap weg.',
    en: 'This shape is joined to an arrow; remove that binding in the same step.',
  })
}

function mayAdd(ctx: PolicyContext, board: BatchBoard, id: string, zoneId: string | null): Verdict {
  const access = access_(ctx, zoneId)
  const publishing =
    zoneId !== null &&
    ctx.revealGrace === true &&
    mayPublishDrafts(ctx.template, ctx.phaseId, zoneId, ctx.actor.role)
  if (!access.can.has('add') && !publishing) {
    return deny(id, closedText(ctx, zoneId, access, { nl: 'neerzetten', en: 'add' }))
  }
  if (access.quota !== undefined && zoneId !== null) {
    const added = board.addedPerZone.get(zoneId) ?? 0
    if (countOwnShapesInZone(ctx, board, zoneId) + added >= access.quota) {
      return deny(id, {
        nl: `Je hebt hier al ${access.quota} notities geplaatst; meer mag niet in deze fase.`,
        en: `You have already placed ${access.quota} notes here; no more in this phase.`,
      })
    }
    board.addedPerZone.set(zoneId, added + 1)
  }
  return { ok: true }
}

/**
 * My shapes in the zone before the batch. What the batch creates is counted by `addedPerZone`
 * instead: the client judges a new note after tldraw has put it in the store, and counting it
 * here too refused the last note a quota allows (the third of three questions).
 */
function countOwnShapesInZone(ctx: PolicyContext, board: BatchBoard, zoneId: string): number {
  let n = 0
  for (const shape of ctx.allShapes()) {
    if (authorOf(shape) !== ctx.actor.participantId || board.createdInBatch(shape.id)) continue
    const zone = zoneOfShape(shape, board.before, ctx.rects)
    if (zone.ok && zone.zoneId === zoneId) n++
  }
  return n
}

function access_(ctx: PolicyContext, zoneId: string | null): ResolvedAccess {
  return accessFor(ctx.template, ctx.phaseId, zoneId, ctx.actor.role)
}

/** Why a shape's place cannot be known, in words for the person whose change was refused. */
const PLACEMENT_TEXT: Record<PlacementProblem, LocalizedText> = {
  missingParent: {
    nl: 'Deze vorm hoort bij een groep of kader dat niet op het bord staat; zo kan hij er niet op.',
    en: 'This shape belongs to a group or frame that is not on the board; it cannot go on like this.',
  },
  badParent: {
    nl: 'Deze vorm hangt aan iets dat geen groep, kader of pagina is; zo kan hij er niet op.',
    en: 'This shape hangs from something that is not a group, frame or page; it cannot go on like this.',
  },
  cycle: {
    nl: 'Deze vorm zit via groepen of kaders in zichzelf; waar hij staat is niet te bepalen.',
    en: 'This shape sits inside itself through groups or frames; where it is cannot be determined.',
  },
  tooDeep: {
    nl: `Deze vorm zit in meer dan ${MAX_PARENT_DEPTH} groepen of kaders in elkaar; dat kan niet.`,
    en: `This shape sits inside more than ${MAX_PARENT_DEPTH} nested groups or frames; that is not possible.`,
  },
  tooManyShapes: {
    nl: `Een groep of kader kan hoogstens ${MAX_CONTAINED_SHAPES} vormen bevatten.`,
    en: `A group or frame can hold at most ${MAX_CONTAINED_SHAPES} shapes.`,
  },
  badNumber: {
    nl: 'De plaats, draaiing of maat van deze vorm is geen geldig getal.',
    en: 'The position, rotation or size of this shape is not a valid number.',
  },
  tooManyPoints: {
    nl: 'Deze vorm heeft te veel punten of tekst om te kunnen bepalen waar hij komt.',
    en: 'This shape has too many points or too much text to tell where it would be drawn.',
  },
  crossesZone: {
    nl: 'Deze vorm komt over de rand van een zone. Zet hem helemaal in een zone, of helemaal ernaast.',
    en: 'This shape reaches over the edge of a zone. Put it wholly inside a zone, or wholly outside.',
  },
}

export function placementText(problem: PlacementProblem): LocalizedText {
  return PLACEMENT_TEXT[problem]
}

/** "De roddelzone is nu alleen om te kijken" and friends, naming the zone and what was tried. */
function closedText(
  ctx: PolicyContext,
  zoneId: string | null,
  access: ResolvedAccess,
  verb: LocalizedText,
): LocalizedText {
  if (zoneId === null) {
    return { nl: `Je kunt hier nu niets ${verb.nl}.`, en: `You cannot ${verb.en} here now.` }
  }
  const zone = findZone(ctx.template, zoneId)
  const nl = zone?.title.nl ?? zoneId
  const en = zone?.title.en ?? zoneId
  if (access.watch) {
    return {
      nl: `De zone "${nl}" is nu alleen om te kijken; je kunt er niets ${verb.nl}.`,
      en: `The zone "${en}" is watch-only for you now; you cannot ${verb.en} anything there.`,
    }
  }
  return {
    nl: `De zone "${nl}" is in deze fase dicht voor jou; je kunt er niets ${verb.nl}.`,
    en: `The zone "${en}" is closed to you in this phase; you cannot ${verb.en} anything there.`,
  }
}
