import path from 'node:path'
import { expect, it } from 'vitest'
import type { Template } from '../../shared/templateSchema'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'

/** Three methods as boards, as a facilitator sees them at 1280x800: zones and phase timeline. */
const e2e = serverAndBrowserForFile()

for (const templateId of ['vissenkom', 'warm-neutraal-koud', 'modelling']) {
  it(`lays out ${templateId} with every zone and the whole timeline`, async () => {
    const { template } = (await (await fetch(`${e2e.server.url}/api/templates/${templateId}`)).json()) as {
      template: Template
    }
    const res = await fetch(`${e2e.server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ templateId, title: 'Intervisiegroep wijkteam' }),
    })
    const { facilitatorPath } = (await res.json()) as { facilitatorPath: string }
    const page = await e2e.openPage()
    await page.goto(e2e.server.url + facilitatorPath)
    await page.getByLabel(/naam zoals de groep/i).fill('Bea')
    await page.getByRole('button', { name: 'Meedoen' }).click()
    await page.getByRole('button', { name: 'Start de bijeenkomst' }).click()
    await page.locator('.zone-overlay').first().waitFor()
    // Starting adds the controls and the case line above the canvas; the board refits to the new size.
    await page.locator('.chosen-case').waitFor()
    // A phase shows its own zones large; the whole board is one button away.
    await page.getByRole('button', { name: 'Hele bord' }).click()
    await page.waitForTimeout(300)

    // Every zone is on the board, inside the visible canvas, and no two overlap.
    const boxes = await Promise.all(
      template.zones.map((z) => page.locator(`.zone-overlay[data-zone="${z.id}"]`).boundingBox()),
    )
    const canvas = (await page.locator('.tl-canvas').boundingBox())!
    for (const [i, box] of boxes.entries()) {
      expect(box, template.zones[i]!.id).not.toBeNull()
      expect(box!.x).toBeGreaterThanOrEqual(canvas.x - 1)
      expect(box!.y).toBeGreaterThanOrEqual(canvas.y - 1)
      expect(box!.x + box!.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1)
      expect(box!.y + box!.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1)
      // Findable in the overview: a zone is more than a fingertip wide on screen (44 px, the
      // target size of WCAG 2.5.5). Method 5's W/N/K zones have room for 24 questions in every
      // column, which makes its board large and its small zones narrow here: 56 px on the 960 px
      // board a laptop keeps with one side panel open (under 50 with both). (Notes are read in the
      // phase's own view, which brings its zones in at a readable size: see layout.test.ts.)
      expect(box!.width).toBeGreaterThan(52)
    }
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a]!
        const q = boxes[b]!
        const overlap =
          p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height
        expect(overlap, `${template.zones[a]!.id} / ${template.zones[b]!.id}`).toBe(false)
      }
    }
    // The timeline shows every phase, the first one current.
    expect(await page.locator('.phase-timeline__steps > li').count()).toBe(template.phases.length)
    expect(await page.locator('.phase-timeline__steps [aria-current]').count()).toBe(1)
    await page.screenshot({ path: path.join(RESULTS_DIR, `board-${templateId}.png`) })
  })
}
