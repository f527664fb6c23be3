import { describe, expect, it } from 'vitest'
import { CANVAS_MARGINS } from '../../client/src/meeting/canvas/fitBoard'
import { cameraFor, READABLE_ZOOM, unionOf } from '../../client/src/meeting/layout/cameraFit'
import { zonesInView } from '../../client/src/meeting/layout/zonesInView'
import { zoneFocus } from '../../shared/layout'
import { method } from './support'

/**
 * Each phase brings the zones in play into view at a readable size: which zones (by phase and
 * role), and the camera that shows them.
 */
const wnk = method('warm-neutraal-koud')
const phase = (id: string) => wnk.phases.findIndex((p) => p.id === id)

describe('zonesInView', () => {
  it('shows the zones my role adds to or rates in, else the phase’s zones', () => {
    expect(zonesInView(wnk, phase('vragen-formuleren'), 'deelnemer')).toEqual(['vragen'])
    expect(zonesInView(wnk, phase('vragen-waarderen'), 'inbrenger')).toEqual(['vragen'])
    // The begeleider may add anywhere (standing access); the phase's zones are what it is about.
    expect(zonesInView(wnk, phase('vragen-formuleren'), 'begeleider')).toEqual(['vragen'])
    expect(zonesInView(wnk, phase('definitie-inbrenger'), 'deelnemer')).toEqual(['definitie-inbrenger'])
  })

  it('keeps the last named zones in view in a phase that names none', () => {
    expect(wnk.phases[phase('vragen-beantwoorden')]!.zones).toEqual({})
    expect(zonesInView(wnk, phase('vragen-beantwoorden'), 'inbrenger')).toEqual(['vragen'])
  })

  it('shows the whole board before the start and past the last phase', () => {
    expect(zonesInView(wnk, -1, 'deelnemer')).toEqual([])
    expect(zonesInView(wnk, wnk.phases.length, 'deelnemer')).toEqual([])
  })

  it('shows the zone a role is set to watch: the inbrenger listening to the gossip', () => {
    const roddel = method('roddelmethode')
    const at = roddel.phases.findIndex((p) => p.id === 'roddelen')
    expect(zonesInView(roddel, at, 'inbrenger').sort()).toEqual(['aantekeningen-inbrenger', 'roddelzone'])
    expect(zonesInView(roddel, at, 'deelnemer')).toEqual(['roddelzone'])
  })

  it('shows only a role’s own zones where it adds or rates, in a method with several per phase', () => {
    const roddel = method('roddelmethode-met-advies')
    for (const [i, p] of roddel.phases.entries()) {
      const shown = zonesInView(roddel, i, 'deelnemer')
      const own = Object.entries(p.zones)
        .filter(([, byRole]) => byRole.deelnemer?.can.some((a) => a === 'add' || a === 'rate'))
        .map(([id]) => id)
      if (own.length > 0) expect(shown, p.id).toEqual(own)
    }
  })
})

describe('cameraFor', () => {
  it('shows a rect centred and whole inside the margins', () => {
    const cam = cameraFor({ x: 100, y: 200, w: 400, h: 200 }, { w: 1000, h: 600 }, CANVAS_MARGINS)!
    expect(cam.z).toBe(1)
    const left = (100 + cam.x) * cam.z
    const right = (500 + cam.x) * cam.z
    expect(left - CANVAS_MARGINS.left).toBeCloseTo(1000 - CANVAS_MARGINS.right - right)
  })

  it('zooms out to fit, but never below the floor: then it starts at the top left', () => {
    const rect = { x: 0, y: 0, w: 4000, h: 3000 }
    const fit = cameraFor(rect, { w: 1000, h: 600 }, CANVAS_MARGINS)!
    expect(fit.z).toBeLessThan(0.2)
    const floored = cameraFor(rect, { w: 1000, h: 600 }, CANVAS_MARGINS, { minZoom: READABLE_ZOOM })!
    expect(floored.z).toBe(READABLE_ZOOM)
    expect((0 + floored.x) * floored.z).toBeCloseTo(CANVAS_MARGINS.left)
    expect((0 + floored.y) * floored.z).toBeCloseTo(CANVAS_MARGINS.top)
  })

  it('method 5: the question zone fits readable on a 1280x800 laptop and a 1024x768 tablet canvas', () => {
    // The canvas below the header and phase bar, beside the folded side panels (measured in e2e).
    for (const canvas of [
      { w: 1180, h: 560 },
      { w: 960, h: 520 },
    ]) {
      const cam = cameraFor(zoneFocus(wnk, 'vragen'), canvas, CANVAS_MARGINS, { minZoom: READABLE_ZOOM })!
      expect(cam.z).toBeGreaterThanOrEqual(READABLE_ZOOM)
    }
  })

  it('unionOf spans every rect', () => {
    expect(
      unionOf([
        { x: 0, y: 0, w: 10, h: 10 },
        { x: 20, y: -5, w: 5, h: 5 },
      ]),
    ).toEqual({ x: 0, y: -5, w: 25, h: 15 })
    expect(unionOf([])).toBeNull()
  })
})
