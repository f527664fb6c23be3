import { type BoardRecord, shapeWorld, zoneOfShape } from '../../../shared/boardRecords'
import { boardLayout, noteArea } from '../../../shared/layout'
import { countSentences } from '../../../shared/sentences'
import { NOTE_SIZE, type Rect, slotsFor } from '../../../shared/slots'
import type { Template } from '../../../shared/templateSchema'
import type { TopicNote } from '../../../shared/topicWalk'
import { newId } from './secrets'
import { serverNote } from './serverNote'

/**
 * The server's own reading of, and writing to, a meeting board's notes: in which zone a note is
 * (to take a vote only on a case that is on the list), and a case put on the case list by the
 * server (a case sent in before the meeting, through the invite link).
 */

/** The zone the shape `id` is drawn in: null in the free area, undefined if no such shape. */
export function zoneOfBoardShape(
  template: Template,
  records: ReadonlyMap<string, BoardRecord>,
  id: string,
): string | null | undefined {
  const record = records.get(id)
  if (record?.typeName !== 'shape') return undefined
  const world = shapeWorld(
    (key) => records.get(key),
    () => [...records.values()].filter((r) => r.typeName === 'shape'),
    () => [...records.values()].filter((r) => r.typeName === 'binding'),
  )
  const zone = zoneOfShape(record, world, boardLayout(template))
  return zone.ok ? zone.zoneId : undefined
}

/** The notes drawn in a zone, with their place, for the topic order (topicWalk.ts). */
export function notesInZone(
  template: Template,
  records: ReadonlyMap<string, BoardRecord>,
  zoneId: string,
): TopicNote[] {
  const notes: TopicNote[] = []
  for (const record of records.values()) {
    if (record.typeName !== 'shape' || record.type !== 'note') continue
    if (zoneOfBoardShape(template, records, record.id) !== zoneId) continue
    notes.push({ record, x: Number(record.x) || 0, y: Number(record.y) || 0 })
  }
  return notes
}

export type CaseNote =
  | { ok: true; record: BoardRecord }
  | { ok: false; reason: 'tooLong' | 'listFull' | 'empty' }

/**
 * A note for the case list with `text`, by `authorId`, in the first free slot of the zone: the
 * same limits as a case typed on the board (the zone's sentence limit). The caller pushes it
 * into the room (see MeetingService.addCaseToList).
 */
export function caseNote(
  template: Template,
  records: ReadonlyMap<string, BoardRecord>,
  zoneId: string,
  authorId: string,
  text: string,
): CaseNote {
  const clean = text.trim()
  if (clean === '') return { ok: false, reason: 'empty' }
  const max = template.zones.find((z) => z.id === zoneId)?.maxSentences
  if (max !== undefined && countSentences(clean) > max) return { ok: false, reason: 'tooLong' }
  const taken = [...records.values()].filter(
    (r) => r.typeName === 'shape' && zoneOfBoardShape(template, records, r.id) === zoneId,
  )
  const free = (slot: Rect) =>
    !taken.some((r) => overlaps(slot, { x: Number(r.x), y: Number(r.y), w: NOTE_SIZE, h: NOTE_SIZE }))
  const slot = slotsFor(noteArea(template, zoneId), 60).find(free)
  if (!slot) return { ok: false, reason: 'listFull' }
  const richText = {
    type: 'doc',
    content: clean.split('\n').map((line) => ({
      type: 'paragraph',
      ...(line.trim() === '' ? {} : { content: [{ type: 'text', text: line }] }),
    })),
  }
  const record = serverNote(`shape:case-${newId()}`, slot, { authorId }, richText)
  return { ok: true, record }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}
