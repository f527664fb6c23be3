import { describe, expect, it } from 'vitest'
import {
  type BoardImageInput,
  boardImageLayer,
  type ImageNote,
  MIN_TEXT_PX,
  pngPixelRatio,
  readableScale,
} from '../../client/src/report/boardImage/boardImageLayer'
import { escapeXml, layerSvg, withLayer } from '../../client/src/report/boardImage/boardImageSvg'
import { boardLayout } from '../../shared/layout'
import { MARK_ROOM } from '../../shared/slots'
import { method } from './support'

/** The board as an image: what our layer draws over tldraw's shapes, and where. Method 5. */
const wnk = method('warm-neutraal-koud')
const phase = (id: string) => wnk.phases.findIndex((p) => p.id === id)
const rect = (zoneId: string) => boardLayout(wnk).find((r) => r.zoneId === zoneId)!

/** A 200x200 note at an offset inside a zone's slot area. */
function note(id: string, zoneId: string | null, mark: string | null, dx = 0, dy = 0): ImageNote {
  const area = zoneId ? rect(zoneId).slotArea : { x: 20000, y: 2000 }
  return { id, zoneId, mark, box: { x: area.x + dx, y: area.y + dy, w: 200, h: 200 }, textPx: 22 }
}

const NOTES = [
  note('shape:q1', 'vragen', 'W'),
  note('shape:q2', 'vragen', 'N', 240),
  note('shape:q3', 'vragen', 'K', 480),
  note('shape:q4', 'vragen', null, 0, 240),
  note('shape:case', 'casus', null),
]

function input(overrides: Partial<BoardImageInput> = {}): BoardImageInput {
  return {
    template: wnk,
    language: 'nl',
    phaseIndex: phase('vragen-waarderen'),
    finished: false,
    notes: NOTES,
    voting: null,
    title: 'Intervisie team Noord',
    date: '2 december 2026',
    ...overrides,
  }
}

describe('zone titles', () => {
  it('every zone gets its title and kind in the chosen language, in the band above it', () => {
    const nl = boardImageLayer(input())
    expect(nl.zones.map((z) => z.zoneId)).toEqual(wnk.zones.map((z) => z.id))
    const vragen = nl.zones.find((z) => z.zoneId === 'vragen')!
    expect(vragen).toMatchObject({ title: 'Vragen', kind: 'flap' })
    expect(nl.zones.find((z) => z.zoneId === 'adviezen')).toMatchObject({
      title: 'Adviezen en suggesties',
      kind: 'kolom',
    })
    // Above the zone, as wide as it, not on it.
    const r = rect('vragen')
    expect(vragen.band.x).toBe(r.x)
    expect(vragen.band.w).toBe(r.w)
    expect(vragen.band.y + vragen.band.h).toBeLessThanOrEqual(r.y)
    expect(vragen.band.y).toBeGreaterThan(r.y - 64)

    const en = boardImageLayer(input({ language: 'en' }))
    expect(en.zones.find((z) => z.zoneId === 'vragen')).toMatchObject({
      title: 'Questions',
      kind: 'flip-over',
    })
  })
})

describe('marks', () => {
  it('a badge per mark just above its note’s top-right corner, "?" on what is still to rate now', () => {
    const layer = boardImageLayer(input())
    const byNote = new Map(layer.marks.map((m) => [m.noteId, m]))
    expect(byNote.get('shape:q1')?.text).toBe('W')
    expect(byNote.get('shape:q2')?.text).toBe('N')
    expect(byNote.get('shape:q3')?.text).toBe('K')
    expect(byNote.get('shape:q4')).toMatchObject({ text: '?', mark: null })
    // The case is not rated at all: no badge.
    expect(byNote.has('shape:case')).toBe(false)
    for (const badge of layer.marks) {
      const box = NOTES.find((n) => n.id === badge.noteId)!.box
      expect(badge.box.x).toBeGreaterThan(box.x + box.w / 2)
      expect(badge.box.x + badge.box.w).toBeLessThanOrEqual(box.x + box.w)
      // In the room the slots leave above a note: it covers none of the note's text.
      expect(badge.box.y).toBeGreaterThanOrEqual(box.y - MARK_ROOM)
      expect(badge.box.y + badge.box.h).toBeLessThan(box.y)
    }
  })

  it('English words on the badges; no "?" once rating is over', () => {
    const en = boardImageLayer(input({ language: 'en' }))
    expect(en.marks.map((m) => m.text).sort()).toEqual(['?', 'Cold', 'Neutral', 'Warm'])
    // A wider word gets a wider badge, still inside the note.
    const warm = en.marks.find((m) => m.text === 'Warm')!
    expect(warm.box.w).toBeGreaterThan(boardImageLayer(input()).marks.find((m) => m.text === 'W')!.box.w)

    const later = boardImageLayer(input({ phaseIndex: phase('advisering') }))
    expect(later.marks.map((m) => m.text).sort()).toEqual(['K', 'N', 'W'])
    const done = boardImageLayer(input({ finished: true }))
    expect(done.marks.map((m) => m.text).sort()).toEqual(['K', 'N', 'W'])
  })

  it('scores read as their number, "herkend" as its sign', () => {
    const layer = boardImageLayer(
      input({ notes: [note('shape:s', 'vragen', '7'), note('shape:h', 'casus', 'herkend')] }),
    )
    expect(layer.marks.map((m) => m.text).sort()).toEqual(['7', '◯'])
  })
})

describe('W/N/K columns', () => {
  it('headings with counts from the start: new notes stand under "Nog te waarderen", not under a mark', () => {
    const writing = boardImageLayer(input({ phaseIndex: phase('vragen-formuleren'), notes: [NOTES[3]!] }))
    expect(writing.columns.filter((c) => c.zoneId === 'vragen').map((c) => c.count)).toEqual([1, 0, 0, 0])

    const rating = boardImageLayer(input())
    const vragen = rating.columns.filter((c) => c.zoneId === 'vragen')
    expect(vragen.map((c) => [c.label, c.count])).toEqual([
      ['Nog te waarderen', 1],
      ['W · warm', 1],
      ['N · neutraal', 1],
      ['K · koud', 1],
    ])
    expect(vragen[0]!.rule).toBeNull()
    expect(vragen.slice(1).every((c) => c.rule !== null)).toBe(true)
    // Every W/N/K zone has its columns, also the definitions that are rated later.
    expect(rating.columns.filter((c) => c.zoneId === 'probleemdefinities')).toHaveLength(4)
    const done = boardImageLayer(input({ finished: true }))
    expect(done.columns.filter((c) => c.zoneId === 'probleemdefinities')).toHaveLength(4)
  })
})

describe('votes', () => {
  it('a note with votes says how many; a note without says nothing', () => {
    const voting = {
      zoneId: 'casus',
      perPerson: 3,
      open: false,
      votes: { p1: ['shape:case', 'shape:case'], p2: ['shape:case', 'shape:q1'], p3: [] },
    }
    const nl = boardImageLayer(input({ voting }))
    expect(nl.votes.map((v) => [v.noteId, v.text])).toEqual([
      ['shape:q1', '1 stem'],
      ['shape:case', '3 stemmen'],
    ])
    const en = boardImageLayer(input({ voting, language: 'en' }))
    expect(en.votes.map((v) => v.text)).toEqual(['1 vote', '3 votes'])
    const box = NOTES.find((n) => n.id === 'shape:case')!.box
    const badge = nl.votes.find((v) => v.noteId === 'shape:case')!.box
    expect(badge.x).toBeGreaterThanOrEqual(box.x)
    expect(badge.y + badge.h).toBeLessThanOrEqual(box.y + box.h)
    expect(badge.y).toBeGreaterThan(box.y + box.h / 2)
  })
})

describe('the picture’s area and size', () => {
  it('holds every zone with its title, every note (the free area too) and the caption on top', () => {
    const layer = boardImageLayer(input())
    const { bounds } = layer
    const inside = (b: { x: number; y: number; w: number; h: number }) =>
      b.x >= bounds.x &&
      b.y >= bounds.y &&
      b.x + b.w <= bounds.x + bounds.w &&
      b.y + b.h <= bounds.y + bounds.h
    for (const zone of layer.zones) expect(inside(zone.band)).toBe(true)
    for (const r of boardLayout(wnk)) expect(inside(r)).toBe(true)
    expect(inside(NOTES[4]!.box)).toBe(true)
    const free = note('shape:far', null, null)
    expect(inside(free.box)).toBe(false)
    const wider = boardImageLayer(input({ notes: [...NOTES, free] }))
    expect(wider.bounds.x + wider.bounds.w).toBeGreaterThanOrEqual(free.box.x + free.box.w)
    // The caption sits above every zone title.
    expect(layer.caption.y).toBeLessThan(Math.min(...layer.zones.map((z) => z.band.y)) - 40)
    expect(layer.caption.line).toBe('Warm, neutraal, koud · 2 december 2026')
  })

  it('scales so the smallest note text is readable, within limits', () => {
    expect(readableScale([])).toBe(1)
    expect(readableScale([{ textPx: 22 }, { textPx: null }])).toBe(1)
    expect(readableScale([{ textPx: 22 }, { textPx: 7 }])).toBe(2)
    expect(readableScale([{ textPx: 7 }]) * 7).toBeGreaterThanOrEqual(MIN_TEXT_PX)
    expect(readableScale([{ textPx: 1 }])).toBe(3)
    const shrunk = boardImageLayer(input({ notes: [{ ...NOTES[0]!, textPx: 11 }] }))
    expect(shrunk.scale).toBe(MIN_TEXT_PX / 11)
  })

  it('a PNG twice the size, less for a huge board but never below the readable size', () => {
    expect(pngPixelRatio({ bounds: { x: 0, y: 0, w: 3200, h: 1700 }, scale: 1 })).toBe(2)
    const huge = { bounds: { x: 0, y: 0, w: 6000, h: 4000 }, scale: 1 }
    const ratio = pngPixelRatio(huge)
    expect(ratio).toBeLessThan(2)
    expect(6000 * 4000 * ratio * ratio).toBeLessThanOrEqual(40_000_000 + 1)
    expect(pngPixelRatio({ bounds: { x: 0, y: 0, w: 20000, h: 20000 }, scale: 1 })).toBe(1)
  })
})

describe('the SVG', () => {
  it('draws titles, kinds, marks and counts as text, escaped, inside tldraw’s SVG', () => {
    const layer = boardImageLayer(input({ title: 'Team <Noord> & "Zuid"' }))
    const markup = layerSvg(layer)
    expect(markup).toContain('Team &lt;Noord&gt; &amp; &quot;Zuid&quot;')
    expect(markup).not.toContain('<Noord>')
    expect(markup).toMatch(/data-zone-title="vragen"[^>]*><tspan[^>]*>Vragen<\/tspan>/)
    expect(markup).toContain('>Probleemdefinities</tspan>')
    expect(markup).toMatch(/data-mark="W" data-note="shape:q1">.*?>W<\/text>/)
    expect(markup).toMatch(/data-mark="" data-note="shape:q4">.*?>\?<\/text>/)
    expect(markup).toMatch(/data-count="1"[^>]*>1<\/text>/)

    const tldraw = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g>shapes</g></svg>'
    const combined = withLayer(tldraw, layer)!
    expect(combined.startsWith('<svg')).toBe(true)
    expect(combined.endsWith('</svg>')).toBe(true)
    // Over the shapes: after them, before the end.
    expect(combined.indexOf('data-layer="intervisiebord"')).toBeGreaterThan(combined.indexOf('shapes'))
    expect(withLayer('not an svg', layer)).toBeNull()
    expect(escapeXml(`<a href='x'>&</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;')
  })
})
