import { type BoardRecord, DOCUMENT_ID, PAGE_ID, zoneFrameId } from '../../../shared/boardRecords'
import { boardLayout } from '../../../shared/layout'
import type { Template } from '../../../shared/templateSchema'

/** Fractional-index digits in order; 'a' plus one digit is a valid, sortable tldraw index. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * The records a meeting's board starts with: tldraw's document and page, and one locked frame
 * per zone of the method, where and as large as the board layout puts it (shared/layout.ts,
 * the same rectangles the rules judge by), with a stable id the rules refer to.
 * Plain JSON in tldraw v5's record format (tests validate it with tldraw's own schema).
 */
export function boardSeedRecords(template: Template, lang: 'nl' | 'en' = 'nl'): BoardRecord[] {
  const records: BoardRecord[] = [
    { id: DOCUMENT_ID, typeName: 'document', gridSize: 10, name: template.name[lang], meta: {} },
    { id: PAGE_ID, typeName: 'page', name: template.name[lang], index: 'a1', meta: {} },
  ]
  const rects = boardLayout(template)
  template.zones.forEach((zone, i) => {
    const rect = rects[i]!
    records.push({
      id: zoneFrameId(zone.id),
      typeName: 'shape',
      type: 'frame',
      x: rect.x,
      y: rect.y,
      rotation: 0,
      index: `a${BASE62[i + 2]}`,
      parentId: PAGE_ID,
      isLocked: true,
      opacity: 1,
      meta: { zoneId: zone.id, kind: zone.kind },
      props: { w: rect.w, h: rect.h, name: zone.title[lang], color: 'black' },
    })
  })
  return records
}
