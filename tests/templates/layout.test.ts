import { describe, expect, it } from 'vitest'
import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import { zoneFrameId } from '../../shared/boardRecords'
import { boardLayout, CELL_GAP, noteArea, zoneAtPoint, zoneFocus, zoneRect } from '../../shared/layout'
import { ratingColumns } from '../../shared/ratingColumns'
import { intersects, NOTE_SIZE, slotsFor } from '../../shared/slots'
import { parseTemplate, type Template } from '../../shared/templateSchema'
import { expectedNotes, peopleInRole } from '../../shared/zoneCapacity'
import mini from '../fixtures/mini-method.json'
import { builtinTemplates, readBuiltinFiles } from './support'

/**
 * The board is laid out for its group and its content: every zone holds the notes the method
 * will put in it in a tidy grid, zones line up on the template's grid and never overlap, and the
 * server's zone frames stand exactly where the rules look.
 */
const templates = [...builtinTemplates().values()]
const byId = (id: string) => templates.find((t) => t.id === id)!

describe.each(templates.map((t) => [t.id, t] as const))('%s', (_id, t: Template) => {
  const rects = boardLayout(t)

  it('keeps zones apart: no two overlap, and a gap for the title stays between them', () => {
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!
        const b = rects[j]!
        const grown = {
          x: a.x - CELL_GAP + 1,
          y: a.y - CELL_GAP + 1,
          w: a.w + 2 * CELL_GAP - 2,
          h: a.h + 2 * CELL_GAP - 2,
        }
        expect(intersects(grown, b), `${a.zoneId} / ${b.zoneId}`).toBe(false)
      }
  })

  it('gives every zone room for its expected notes in slots inside it, each counted in that zone', () => {
    for (const zone of t.zones) {
      const rect = zoneRect(t, zone.id)
      const count = expectedNotes(t, zone)
      const slots = slotsFor(noteArea(t, zone.id), count)
      expect(slots, zone.id).toHaveLength(count)
      for (const s of slots) {
        expect(s.x).toBeGreaterThanOrEqual(rect.x)
        expect(s.y).toBeGreaterThanOrEqual(rect.y)
        expect(s.x + s.w).toBeLessThanOrEqual(rect.x + rect.w)
        expect(s.y + s.h).toBeLessThanOrEqual(rect.y + rect.h)
        // The rules place a note by its centre: a note in a slot is in this zone.
        expect(zoneAtPoint(rects, s.x + NOTE_SIZE / 2, s.y + NOTE_SIZE / 2)).toBe(zone.id)
      }
    }
  })

  it('lines zones up on the template grid: same column, same left edge; same row, same top', () => {
    for (const a of t.zones)
      for (const b of t.zones) {
        if (a.layout.col === b.layout.col) expect(zoneRect(t, a.id).x).toBe(zoneRect(t, b.id).x)
        if (a.layout.row === b.layout.row) expect(zoneRect(t, a.id).y).toBe(zoneRect(t, b.id).y)
      }
  })

  it('seeds the zone frames exactly on the layout', () => {
    const seed = boardSeedRecords(t)
    for (const rect of rects) {
      const frame = seed.find((r) => r.id === zoneFrameId(rect.zoneId))!
      expect([frame.x, frame.y, frame.props?.w, frame.props?.h]).toEqual([rect.x, rect.y, rect.w, rect.h])
    }
  })

  it('focuses a zone in play on its header and expected notes, never beyond the zone', () => {
    for (const zone of t.zones) {
      const rect = zoneRect(t, zone.id)
      const focus = zoneFocus(t, zone.id)
      expect(focus.x).toBe(rect.x)
      expect(focus.y).toBe(rect.y)
      expect(focus.w).toBeLessThanOrEqual(rect.w)
      expect(focus.h).toBeLessThanOrEqual(rect.h)
      for (const s of slotsFor(noteArea(t, zone.id), expectedNotes(t, zone))) {
        expect(s.x + s.w).toBeLessThanOrEqual(focus.x + focus.w)
        expect(s.y + s.h).toBeLessThanOrEqual(focus.y + focus.h)
      }
    }
  })
})

describe('zone sizes follow what the method puts in them', () => {
  it('method 5: room for every participant of the usual group to ask three questions', () => {
    const t = byId('warm-neutraal-koud')
    const vragen = t.zones.find((z) => z.id === 'vragen')!
    expect(peopleInRole(t, 'deelnemer')).toBe(t.groupSize.ideal! - 2)
    expect(expectedNotes(t, vragen)).toBe(3 * (t.groupSize.ideal! - 2))
    // Nine questions (three participants) fit with room to spare, none over another.
    const nine = slotsFor(noteArea(t, 'vragen'), 9)
    expect(nine).toHaveLength(9)
  })

  it('grows a zone for its template’s expectedNotes, and the layout is the same on every parse', () => {
    const [file] = readBuiltinFiles().filter((f) => (f.raw as { id: string }).id === 'warm-neutraal-koud')
    const raw = structuredClone(file!.raw) as { zones: Array<{ id: string; expectedNotes?: number }> }
    raw.zones.find((z) => z.id === 'evaluatie')!.expectedNotes = 12
    const parsed = parseTemplate(raw)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(slotsFor(noteArea(parsed.template, 'evaluatie'), 12)).toHaveLength(12)
    expect(slotsFor(noteArea(byId('warm-neutraal-koud'), 'evaluatie'), 12).length).toBeLessThan(12)
    const again = parseTemplate(file!.raw)
    if (!again.ok) throw new Error('parse')
    expect(boardLayout(again.template)).toEqual(boardLayout(byId('warm-neutraal-koud')))
  })

  it('widens the rows (or columns) a zone spans until its notes fit', () => {
    const raw = structuredClone(mini) as { zones: unknown[] }
    raw.zones.push({
      id: 'oogst',
      title: { nl: 'Oogst', en: 'Harvest' },
      hint: { nl: 'Alles wat opviel.', en: 'All that stood out.' },
      kind: 'area',
      layout: { col: 3, row: 0, rowSpan: 2 },
      expectedNotes: 60,
    })
    const parsed = parseTemplate(raw)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(slotsFor(noteArea(parsed.template, 'oogst'), 60)).toHaveLength(60)
  })

  it('keeps the notes of a W/N/K zone below its column headings', () => {
    const t = byId('warm-neutraal-koud')
    const columns = ratingColumns(zoneRect(t, 'vragen'), zoneRect(t, 'vragen').slotArea)
    for (const slot of slotsFor(noteArea(t, 'vragen'), 12))
      for (const c of columns) expect(slot.y).toBeGreaterThanOrEqual(c.area.y)
  })

  it('refuses an expectedNotes that is not a positive whole number', () => {
    const [file] = readBuiltinFiles()
    for (const bad of [0, -1, 2.5, 1000]) {
      const raw = structuredClone(file!.raw) as { zones: Array<{ expectedNotes?: number }> }
      raw.zones[0]!.expectedNotes = bad
      expect(parseTemplate(raw).ok, String(bad)).toBe(false)
    }
  })
})
