import { type BoardRecord, PAGE_ID } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import type { Template } from '../../shared/templateSchema'
import { noteRecord } from './records'

/**
 * Board records a hostile participant places, in tldraw v5's record format (notes come from
 * records.ts, validated with tldraw's schema; groups and frames follow the same layout), and the
 * page points that are tricky for a zone rule: inside, on an edge, a top-left corner outside
 * with the centre inside, and the free area.
 */

export type Random = () => number

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
export const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1))

function shapeBase(id: string, type: string, x: number, y: number, parentId: string, authorId: string) {
  return {
    id,
    typeName: 'shape',
    type,
    x,
    y,
    rotation: 0,
    index: 'a5',
    parentId,
    isLocked: false,
    opacity: 1,
    meta: { authorId },
  }
}

export function groupShape(
  id: string,
  x: number,
  y: number,
  parentId: string,
  authorId: string,
): BoardRecord {
  return { ...shapeBase(id, 'group', x, y, parentId, authorId), props: {} }
}

export function frameShape(
  id: string,
  x: number,
  y: number,
  parentId: string,
  authorId: string,
  size = 300,
): BoardRecord {
  return {
    ...shapeBase(id, 'frame', x, y, parentId, authorId),
    props: { w: size, h: size, name: '', color: 'black' },
  }
}

export function note(
  id: string,
  at: { x: number; y: number },
  authorId: string,
  text: string,
  extra: { parentId?: string; rating?: string } = {},
): BoardRecord {
  return noteRecord({ id, ...at, authorId, text, ...extra })
}

/** A page point chosen to be hard for a zone rule, in `zoneId` (or the free area for null). */
export function trickyPoint(
  random: Random,
  template: Template,
  zoneId: string | null,
): { x: number; y: number } {
  const zone = zoneId ? template.zones.find((z) => z.id === zoneId) : undefined
  if (!zone) return { x: -3000 - between(random, 0, 2000), y: -3000 - between(random, 0, 2000) }
  const r = zoneRect(template, zone.id)
  switch (between(random, 0, 3)) {
    case 0: // well inside
      return { x: r.x + 40, y: r.y + 60 }
    case 1: // top-left outside, centre inside (a 200-wide note)
      return { x: r.x - 90, y: r.y - 90 }
    case 2: // on the right edge
      return { x: r.x + r.w - 100, y: r.y + r.h / 2 - 100 }
    default: // anywhere in the rectangle
      return { x: r.x + random() * (r.w - 200), y: r.y + random() * (r.h - 200) }
  }
}

/**
 * A note drawn at `target` through a chain of groups and frames whose own positions sit in the
 * free area: each container is offset by `step`, the note's local position undoes the sum.
 * Returns the containers first, then the note.
 */
export function nestedNote(
  prefix: string,
  target: { x: number; y: number },
  depth: number,
  authorId: string,
  text: string,
  kinds: ReadonlyArray<'group' | 'frame'>,
): BoardRecord[] {
  const records: BoardRecord[] = []
  let parentId = PAGE_ID
  let x = 0
  let y = 0
  for (let i = 0; i < depth; i++) {
    const id = `${prefix}-c${i}`
    const localX = i === 0 ? -4000 : 10
    const localY = i === 0 ? -4000 : 10
    const kind = kinds[i % kinds.length]!
    records.push(
      kind === 'group'
        ? groupShape(id, localX, localY, parentId, authorId)
        : frameShape(id, localX, localY, parentId, authorId, 6000),
    )
    x += localX
    y += localY
    parentId = id
  }
  records.push(note(`${prefix}-note`, { x: target.x - x, y: target.y - y }, authorId, text, { parentId }))
  return records
}
