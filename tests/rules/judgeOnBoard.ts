import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import type { BoardRecord } from '../../templates/src/boardRecords'
import { boardLayout } from '../../templates/src/layout'
import type { PolicyContext } from '../../templates/src/policyTypes'
import { type Actor, judgeChanges, type RecordChange } from '../../templates/src/recordPolicy'
import type { Template } from '../../templates/src/schema'

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
