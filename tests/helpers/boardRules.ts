import * as Y from 'yjs'
import { type BoardRecord, shapeWorld, zoneOfShape } from '../../shared/boardRecords'
import { boardLayout } from '../../shared/layout'
import { accessFor } from '../../shared/permissions'
import { judgeChanges } from '../../shared/recordPolicy'
import type { RoleId } from '../../shared/schema'
import type { Template } from '../../shared/templateSchema'
import { RECORDS_ARRAY } from '../../shared/wire'

/**
 * The shared rules (`shared/`) applied to a board as a client sees it, for tests that check
 * what ended up on the board. Only the exported rules are called, never copied.
 */

/** The zone a shape is drawn in (null: the free area), or undefined when its place cannot be known. */
export function zoneIdOf(
  record: BoardRecord,
  records: ReadonlyMap<string, BoardRecord>,
  template: Template,
): string | null | undefined {
  const world = shapeWorld(
    (id) => records.get(id),
    () => records.values(),
  )
  const zone = zoneOfShape(record, world, boardLayout(template))
  return zone.ok ? zone.zoneId : undefined
}

/** Who wrote with a Yjs client id: a participant of the meeting. */
export interface Writer {
  participantId: string
  role: RoleId
  name: string
}

/** The current { key, val } entry of each record (the rightmost, as YKeyValue reads it) and the client that wrote it. */
export function currentEntries(doc: Y.Doc): Map<string, { record: BoardRecord; client: number }> {
  const entries = new Map<string, { record: BoardRecord; client: number }>()
  for (let item = doc.getArray(RECORDS_ARRAY)._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue
    for (const value of item.content.arr as Array<{ key?: unknown; val?: unknown }>) {
      if (typeof value?.key === 'string')
        entries.set(value.key, { record: value.val as BoardRecord, client: item.id.client })
    }
  }
  return entries
}

/**
 * What is on the board that the rules would not let its writer put there in this phase: every
 * record that differs from the board's start is judged with the shared rules (judgeChanges) as
 * if its writer made it now, against the rest of the board; records of the start must remain.
 * Returns one line per violation, empty when the board is lawful.
 */
export function boardViolations(input: {
  doc: Y.Doc
  template: Template
  phaseId: string
  /** Records the board started with (zone frames, document, page), by id. */
  start: ReadonlyMap<string, BoardRecord>
  writers: ReadonlyMap<number, Writer>
}): string[] {
  const { doc, template, phaseId, start, writers } = input
  const problems: string[] = []
  if (doc.store.pendingStructs || doc.store.pendingDs)
    problems.push('the room holds pending structs or deletes')
  const entries = currentEntries(doc)
  const records = new Map([...entries].map(([key, e]) => [key, e.record]))
  for (const key of start.keys())
    if (!records.has(key)) problems.push(`${key}: a record of the start is gone`)
  for (const [key, { record, client }] of entries) {
    const before = start.get(key) ?? null
    if (before && JSON.stringify(before) === JSON.stringify(record)) continue
    const writer = writers.get(client)
    if (!writer) {
      problems.push(`${key}: written by client ${client}, no participant of ours`)
      continue
    }
    const others = () => [...records.values()].filter((r) => r.id !== key && r.typeName === 'shape')
    const verdict = judgeChanges(
      {
        template,
        phaseId,
        actor: { participantId: writer.participantId, role: writer.role, name: writer.name },
        rects: boardLayout(template),
        current: (id) => (id === key ? (before ?? undefined) : records.get(id)),
        allShapes: others,
      },
      [{ id: key, prev: before, next: record }],
    )
    if (!verdict.ok) problems.push(`${key} by ${writer.role} ${writer.name}: ${verdict.reason.en}`)
  }
  return problems
}

/**
 * A note position (top-left of a 200 by 200 note) where `role` may add a note now without a
 * quota, by the shared rules: the free area if it is open to the role, else the middle of the
 * first such zone; null when there is none.
 */
export function placeFor(template: Template, phaseId: string, role: RoleId): { x: number; y: number } | null {
  const free = accessFor(template, phaseId, null, role)
  if (free.can.has('add') && free.quota === undefined) return { x: -3000, y: -3000 }
  for (const rect of boardLayout(template)) {
    const access = accessFor(template, phaseId, rect.zoneId, role)
    if (access.can.has('add') && access.quota === undefined) {
      return { x: rect.x + rect.w / 2 - 100, y: rect.y + rect.h / 2 - 100 }
    }
  }
  return null
}
