import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import { type BoardRecord, shapeWorld, zoneOfShape } from '../../shared/boardRecords'
import { isPrivateFor } from '../../shared/drafts/privateWriting'
import { boardLayout } from '../../shared/layout'
import type { PolicyContext } from '../../shared/policyTypes'
import { type Actor, judgeChanges, type RecordChange } from '../../shared/recordPolicy'
import type { Template } from '../../shared/templateSchema'

/** Judges changes as the server would, on a board that holds the method's seed plus `existing`. */
export function judgeOnBoard(
  template: Template,
  phaseId: string,
  actor: Actor,
  changes: RecordChange[],
  existing: BoardRecord[] = [],
  /** What else the meeting holds (the pairs of a split, released notes). */
  extra: Partial<PolicyContext> = {},
) {
  const records = new Map<string, BoardRecord>()
  for (const r of [...boardSeedRecords(template), ...existing]) records.set(r.id, r)
  return judgeChanges(
    {
      template,
      phaseId,
      actor,
      rects: boardLayout(template),
      current: (id) => records.get(id),
      allShapes: () => [...records.values()].filter((r) => r.typeName === 'shape'),
      allBindings: () => [...records.values()].filter((r) => r.typeName === 'binding'),
      ...extra,
    },
    changes,
  )
}

/**
 * Judges new notes as a browser does (keepsDrafts): one in a zone private for the actor now is a
 * draft there, kept in the browser (drafts/privateWriting.ts); the server never sees it.
 */
export function judgeAsBrowser(
  template: Template,
  phaseId: string,
  actor: Actor,
  changes: RecordChange[],
  existing: BoardRecord[] = [],
) {
  const ctx = { template, phaseId, actor } as PolicyContext
  const seed = new Map(boardSeedRecords(template).map((r) => [r.id, r]))
  const world = shapeWorld(
    (id) => seed.get(id),
    () => seed.values(),
  )
  const drafted = changes.map((change) => {
    const next = change.next
    const zone = next && zoneOfShape(next, world, boardLayout(template))
    if (!next || !zone?.ok || zone.zoneId === null || !isPrivateFor(ctx, zone.zoneId)) return change
    return { ...change, next: { ...next, meta: { ...(next.meta as object), draft: true } } }
  })
  return judgeOnBoard(template, phaseId, actor, drafted, existing, { keepsDrafts: true })
}
