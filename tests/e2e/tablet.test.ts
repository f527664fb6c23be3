import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { chromeCutOff } from './helpers/chrome'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs, touchDrag } from './helpers/meeting'
import { writeInNote } from './helpers/noteTool'

/**
 * Method 5 on 1024x768 touch tablets: a participant adds questions and moves one with a finger,
 * the inbrenger marks with a tap; the zones in play are shown at 50 % zoom or more. Turned upright
 * (768x1024), nothing of the bars is cut off, in Dutch or English, the side panels fold and lie over
 * the board, and the K column is reachable.
 */
const e2e = serverAndBrowserForFile()

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `tablet-${name}.png`) })
const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')
const zone = (page: Page, id: string) => page.locator(`.zone-overlay[data-zone="${id}"]`)
const PORTRAIT = { width: 768, height: 1024 }

interface Box {
  x: number
  y: number
  width: number
  height: number
}
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5
const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y

/** The zoom a page shows notes at: a note is 200 units wide. */
async function zoomOf(page: Page): Promise<number> {
  const widths = await notes(page).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width))
  return Math.min(...widths) / 200
}

it('adds, moves and marks by touch on a tablet, at a readable zoom', async () => {
  // Method 13: its questions go on the board as written and are rated W/N/K next (method 5's are
  // sealed drafts until the rating, so nobody else would see them move).
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'socratisch-gesprek',
    'Team Zuid',
  )
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const ina = await joinAs(e2e, invitePath, 'Ina', 'tablet')
  const piet = await joinAs(e2e, invitePath, 'Piet', 'tablet')
  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect.poll(() => ina.locator('.person-chip').textContent()).toContain('inbrenger')
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByLabel('Ga naar fase').selectOption('open-vragen')
  await expect.poll(() => zone(piet, 'vragen').getAttribute('data-state')).toBe('open')

  // Add two questions with a tap on the add button and the on-screen keyboard's text.
  for (const text of ['Wat maakt het lastig?', 'Wie helpt je nu al?']) {
    const before = await notes(piet).count()
    await piet.getByRole('button', { name: 'Notitie toevoegen' }).tap()
    await expect.poll(() => notes(piet).count()).toBe(before + 1)
    await writeInNote(piet, text, { keystrokes: true })
    await piet.keyboard.press('Escape')
  }
  await expect.poll(() => notes(bea).count()).toBe(2)
  expect(await zoomOf(piet)).toBeGreaterThanOrEqual(0.499)
  await shot(piet, 'participant-added')

  // Move the second question with a finger, lower down its column ("Nog te waarderen", where
  // every question starts): on every screen it moves, and stays in that column.
  const note = (page: Page) => notes(page).filter({ hasText: 'Wie helpt je nu al?' })
  const column = (page: Page) =>
    page.locator('.rating-columns[data-zone="vragen"] .rating-column[data-mark=""]')
  const where = async (page: Page) => {
    const n = (await note(page).boundingBox())!
    const c = (await column(page).boundingBox())!
    return { x: (n.x + n.width / 2 - c.x) / c.width, y: (n.y - c.y) / c.height }
  }
  const before = await where(bea)
  const box = (await note(piet).boundingBox())!
  const canvas = (await piet.locator('.tl-canvas').boundingBox())!
  await touchDrag(
    piet,
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    { x: box.x + box.width / 2, y: canvas.y + canvas.height - 130 },
  )
  await expect.poll(async () => (await where(bea)).y - before.y, { timeout: 5000 }).toBeGreaterThan(0.05)
  const after = await where(bea)
  expect(after.x).toBeGreaterThan(0)
  expect(after.x).toBeLessThan(1)
  await shot(piet, 'participant-moved')

  // Let go under a mark's heading, it goes back to its own column: a participant does not rate.
  const moved = (await note(piet).boundingBox())!
  const warm = (await piet
    .locator('.rating-columns[data-zone="vragen"] .rating-column[data-mark="W"]')
    .boundingBox())!
  await touchDrag(
    piet,
    { x: moved.x + moved.width / 2, y: moved.y + moved.height / 2 },
    { x: warm.x + warm.width / 2, y: moved.y + moved.height / 2 },
  )
  await expect.poll(async () => (await where(bea)).x, { timeout: 5000 }).toBeLessThan(1)
  expect(await bea.locator('.rating-badge[data-rating="W"]').count()).toBe(0)

  // The rating phase: the inbrenger's tablet shows the questions at 50 % or more and marks by tap.
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => ina.locator('.phase-bar').textContent()).toMatch(/waarderen/i)
  await ina.waitForTimeout(400)
  expect(await zoomOf(ina)).toBeGreaterThanOrEqual(0.499)
  const item = ina.locator('.note-item', { hasText: 'Wat maakt het lastig?' })
  await item.getByRole('button', { name: /^W/ }).tap()
  await expect.poll(() => piet.locator('.rating-badge[data-rating="W"]').count()).toBe(1)
  await expect
    .poll(() => bea.locator('.note-group[data-mark="W"] .note-item__text').allTextContents())
    .toEqual(['Wat maakt het lastig?'])
  await shot(ina, 'inbrenger-marked')

  // Turned upright: the facilitator's bars and the inbrenger's, whole on screen, in both languages.
  for (const page of [bea, ina]) await page.setViewportSize(PORTRAIT)
  for (const [page, who] of [
    [bea, 'facilitator'],
    [ina, 'inbrenger'],
  ] as const) {
    // Both side panels fold (the meeting has started): their strips keep the board's right edge.
    await expect.poll(() => page.locator('.notes-list--collapsed, .people-panel--collapsed').count()).toBe(2)
    await expect.poll(() => chromeCutOff(page)).toEqual([])
    await shot(page, `portrait-${who}`)
  }
  const toggle = (await bea.locator('.language-toggle').boundingBox())!
  expect(toggle.x + toggle.width).toBeLessThanOrEqual(PORTRAIT.width)
  await bea.getByRole('button', { name: 'EN', exact: true }).click()
  await expect.poll(() => bea.locator('.phase-bar').textContent()).toMatch(/Step \d+ of/)
  await expect.poll(() => chromeCutOff(bea)).toEqual([])
  await shot(bea, 'portrait-facilitator-english')

  // The K column: not under a panel, and on the canvas once the board is moved to it.
  const canvasOf = async (page: Page) => (await page.locator('.tl-canvas').boundingBox())!
  const k = ina.locator(
    '.rating-columns[data-zone="vragen"] .rating-column[data-mark="K"] .rating-column__head',
  )
  const canvasBox = await canvasOf(ina)
  await ina.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2)
  for (let i = 0; i < 12 && !inside((await k.boundingBox())!, canvasBox); i++) {
    await ina.mouse.wheel(250, 0)
    await ina.waitForTimeout(100)
  }
  const kBox = (await k.boundingBox())!
  expect(inside(kBox, canvasBox)).toBe(true)
  for (const panel of await ina.locator('.notes-list, .people-panel').all())
    expect(apart(kBox, (await panel.boundingBox())!)).toBe(true)
  await shot(ina, 'portrait-k-column')
  // Opened, the notes list lies over the board: the canvas keeps its size.
  await ina.getByRole('button', { name: 'Notitielijst tonen' }).tap()
  await expect.poll(() => ina.locator('.notes-list--collapsed').count()).toBe(0)
  expect(await canvasOf(ina)).toEqual(canvasBox)
  await expect.poll(() => chromeCutOff(ina)).toEqual([])
  await shot(ina, 'portrait-list-open')
}, 180_000)
