import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { zoneRect } from '../../shared/layout'
import type { Template } from '../../shared/templateSchema'
import { cutOffChips } from './helpers/chrome'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'
import { draftsStored } from './helpers/sealedDrafts'

/**
 * A board laid out for its group (method 5, Warm-neutraal-koud): a facilitator, an inbrenger
 * and three participants, one of them on a 1024x768 touch tablet. Each participant adds three
 * questions with the add button (no pointer on the canvas): the third is accepted, a fourth is
 * refused and the count says so. All nine sit inside the question zone, none over another, at a
 * readable zoom on both screens. The facilitator's laptop keeps the board at least 900 px wide with
 * the full zone clear of tldraw's toolbar. The facilitator tidies the zone and brings everyone to
 * their view, which never takes them below a readable zoom; a participant steps out and comes back.
 * A break's banner does not move the board; no phase chip is cut off, in Dutch or English.
 */
const e2e = serverAndBrowserForFile()

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `layout-${name}.png`) })
const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')
const zone = (page: Page, id: string) => page.locator(`.zone-overlay[data-zone="${id}"]`)
const addButton = (page: Page) => page.getByRole('button', { name: 'Notitie toevoegen' })
const quota = (page: Page) => page.locator('.canvas-actions__quota')

interface Box {
  x: number
  y: number
  width: number
  height: number
}

async function noteBoxes(page: Page): Promise<Box[]> {
  const boxes: Box[] = []
  for (const note of await notes(page).all()) boxes.push((await note.boundingBox())!)
  return boxes
}

function overlapping(boxes: Box[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!
      const b = boxes[j]!
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        pairs.push([i, j])
    }
  return pairs
}

/**
 * How far apart two people's views are: where the question zone's centre sits relative to the
 * canvas centre, in zone widths and heights (the same on any screen size and zoom when both
 * look at the same place).
 */
async function offCentre(a: Page, b: Page): Promise<number> {
  const where = async (page: Page) => {
    const z = (await zone(page, 'vragen').boundingBox())!
    const c = (await page.locator('.tl-canvas').boundingBox())!
    return {
      x: (z.x + z.width / 2 - (c.x + c.width / 2)) / z.width,
      y: (z.y + z.height / 2 - (c.y + c.height / 2)) / z.height,
    }
  }
  const [p, q] = [await where(a), await where(b)]
  return Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y))
}

const canvasBox = async (page: Page) => (await page.locator('.tl-canvas').boundingBox())!

/** The zoom a page shows the question zone at: its width on screen over its width on the board. */
async function zoneZoom(page: Page, template: Template): Promise<number> {
  return (await zone(page, 'vragen').boundingBox())!.width / zoneRect(template, 'vragen').w
}

/** The other people's pointers that point at a note, and whether each shows its name tag. */
function pointersOnNotes(page: Page): Promise<Array<{ tagged: boolean }>> {
  return page.evaluate(() => {
    const noteBoxes = [...document.querySelectorAll('.tl-shape[data-shape-type="note"]')].map((n) =>
      n.getBoundingClientRect(),
    )
    return [...document.querySelectorAll('.tl-collaborators__item')].flatMap((item) => {
      const { x, y } = item.getBoundingClientRect()
      const onNote = noteBoxes.some((b) => x > b.left && x < b.right && y > b.top && y < b.bottom)
      return onNote ? [{ tagged: item.querySelector('.tl-nametag') !== null }] : []
    })
  })
}

/** Three questions through the add button and the keyboard only, then a fourth that is refused. */
async function askThree(page: Page, name: string): Promise<void> {
  const left = ['nog 2 vragen', 'nog 1 vraag', 'geen vragen meer']
  await expect.poll(() => quota(page).textContent()).toBe('nog 3 vragen')
  for (const [i, after] of left.entries()) {
    const before = await notes(page).count()
    await addButton(page).click()
    await expect.poll(() => notes(page).count()).toBe(before + 1)
    // The new note is open for typing: the text goes straight into it.
    await writeInNote(page, `${name}: vraag ${i + 1}, wat speelde er toen?`)
    await page.keyboard.press('Escape')
    await expect.poll(() => quota(page).textContent()).toBe(after)
  }
  const before = await notes(page).count()
  await addButton(page).click()
  await expect
    .poll(() => page.locator('.notice[role="alert"]').textContent(), { timeout: 3000 })
    .toMatch(/al 3 notities/)
  await page.waitForTimeout(300)
  expect(await notes(page).count()).toBe(before)
  expect(await quota(page).textContent()).toBe('geen vragen meer')
  await page.getByRole('button', { name: 'Melding sluiten' }).click()
}

it('gives nine questions room, in slots, readable on a laptop and a tablet, once revealed', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'warm-neutraal-koud',
    'Intervisie wijkteam',
  )
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const ina = await joinAs(e2e, invitePath, 'Ina')
  const piet = await joinAs(e2e, invitePath, 'Piet')
  const kees = await joinAs(e2e, invitePath, 'Kees')
  const anne = await joinAs(e2e, invitePath, 'Anne', 'tablet')
  const { template } = (await (await fetch(`${e2e.server.url}/api/templates/warm-neutraal-koud`)).json()) as {
    template: Template
  }
  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect.poll(() => ina.locator('.person-chip').textContent()).toContain('inbrenger')

  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => zone(piet, 'vragen').getAttribute('data-state')).toBe('open')
  // The phase brings the question zone into view; the others step back.
  await expect.poll(() => zone(piet, 'casus').getAttribute('data-aside')).toBe('true')
  // tldraw's style panel stays folded until asked for.
  expect(await piet.getByTestId('style.panel').count()).toBe(0)
  await shot(piet, 'questions-empty-1280')
  await shot(anne, 'questions-empty-1024')
  // The facilitator's laptop: one side panel open at a time, so the board keeps its width.
  await shot(bea, 'questions-empty-facilitator')
  expect((await canvasBox(bea)).width).toBeGreaterThanOrEqual(900)
  expect(await cutOffChips(bea)).toEqual([])

  for (const [page, name] of [
    [piet, 'Piet'],
    [kees, 'Kees'],
    [anne, 'Anne'],
  ] as const)
    await askThree(page, name)
  // Each wrote for themself (seed 004, method 5 step 2): sealed until the rating reveals them.
  for (const name of ['Piet', 'Kees', 'Anne']) await draftsStored(bea, name, 3)
  expect(await notes(bea).count()).toBe(0)
  expect(await notes(piet).count()).toBe(3)
  await bea.getByRole('button', { name: /Volgende fase/ }).click()

  // Everyone has the nine questions, inside the question zone, none over another.
  for (const page of [bea, ina, piet, anne]) {
    await expect.poll(() => notes(page).count(), { timeout: 5000 }).toBe(9)
  }
  // Rating: the inbrenger's view brings the revealed questions in at a readable size.
  await expect.poll(() => zone(ina, 'vragen').getAttribute('data-state')).toBe('open')
  await ina.waitForTimeout(300)
  const inaZoom = Math.min(...(await noteBoxes(ina)).map((b) => b.width)) / 200
  console.log(`inbrenger zoom at 1280: ${inaZoom.toFixed(2)}`)
  expect(inaZoom).toBeGreaterThanOrEqual(0.499)
  await shot(ina, 'rating-inbrenger')
  await bea.waitForTimeout(500)
  for (const [page, label] of [
    [piet, '1280'],
    [anne, '1024'],
  ] as const) {
    const boxes = await noteBoxes(page)
    const area = (await zone(page, 'vragen').boundingBox())!
    for (const b of boxes) {
      expect(b.x, label).toBeGreaterThanOrEqual(area.x)
      expect(b.y, label).toBeGreaterThanOrEqual(area.y)
      expect(b.x + b.width, label).toBeLessThanOrEqual(area.x + area.width + 0.5)
      expect(b.y + b.height, label).toBeLessThanOrEqual(area.y + area.height + 0.5)
    }
    expect(overlapping(boxes), label).toEqual([])
    // Readable: a 200-unit note at least 100 px wide (zoom 0.5), and the zone on screen.
    const zoom = Math.min(...boxes.map((b) => b.width)) / 200
    console.log(`zoom at ${label}: ${zoom.toFixed(2)}, note ${boxes[0]!.width.toFixed(0)} px`)
    expect(zoom, label).toBeGreaterThanOrEqual(0.499)
    const canvas = (await page.locator('.tl-canvas').boundingBox())!
    for (const b of boxes) {
      expect(b.y + b.height, label).toBeLessThanOrEqual(canvas.y + canvas.height)
      expect(b.x + b.width, label).toBeLessThanOrEqual(canvas.x + canvas.width)
    }
  }
  await shot(piet, 'questions-nine-1280')
  await shot(anne, 'questions-nine-1024')
  await shot(bea, 'questions-nine-facilitator')
  // The facilitator sees the full zone too: every note on the canvas, the last row above the toolbar.
  {
    const boxes = await noteBoxes(bea)
    const canvas = await canvasBox(bea)
    const toolbar = (await bea.locator('.tlui-main-toolbar__inner').boundingBox())!
    const lastRow = Math.max(...boxes.map((b) => b.y + b.height))
    console.log(
      `facilitator: canvas ${canvas.width}x${canvas.height}, last row ends ${lastRow}, toolbar at ${toolbar.y}`,
    )
    expect(canvas.width).toBeGreaterThanOrEqual(900)
    expect(lastRow).toBeLessThanOrEqual(toolbar.y)
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width)
  }
  // Piet's pointer over a note shows on Bea's screen without its name tag (it would cover the text);
  // beside the notes the name comes back.
  const pietNote = (await notes(piet).filter({ hasText: 'Piet: vraag 1' }).boundingBox())!
  await piet.mouse.move(pietNote.x + pietNote.width / 2, pietNote.y + pietNote.height / 2, { steps: 4 })
  await expect.poll(() => pointersOnNotes(bea), { timeout: 5000 }).toContainEqual({ tagged: false })
  expect(await pointersOnNotes(bea)).not.toContainEqual({ tagged: true })
  await shot(bea, 'pointer-on-note')
  // Beside the notes: a place on Piet's canvas that no note covers.
  const pietCanvas = (await piet.locator('.tl-canvas').boundingBox())!
  const pietNotes = await noteBoxes(piet)
  const clear = [
    { x: pietCanvas.x + pietCanvas.width - 40, y: pietCanvas.y + pietCanvas.height / 2 },
    { x: pietCanvas.x + 40, y: pietCanvas.y + pietCanvas.height / 2 },
    { x: pietCanvas.x + pietCanvas.width / 2, y: pietCanvas.y + 60 },
  ].find(
    (p) => !pietNotes.some((n) => p.x >= n.x && p.x <= n.x + n.width && p.y >= n.y && p.y <= n.y + n.height),
  )!
  await piet.mouse.move(clear.x, clear.y, { steps: 4 })
  await expect.poll(() => bea.locator('.tl-nametag', { hasText: 'Piet' }).count(), { timeout: 5000 }).toBe(1)

  // A note made with tldraw's own note tool right on top of another takes the next free slot.
  // On top of the first note in reading order (one lower down may lie under tldraw's toolbar).
  const [first] = (await noteBoxes(bea)).sort((p, q) => p.y - q.y || p.x - q.x)
  // Type once the caret is in the new note, as a person does who sees it.
  await placeNoteWithTool(bea, { x: first!.x + first!.width / 2, y: first!.y + first!.height / 2 })
  await writeInNote(bea, 'Wat heb je zelf al geprobeerd?', { keystrokes: true })
  await bea.keyboard.press('Escape')
  // Typed as typed: the note moved to its slot after the typing, not under the caret.
  await expect.poll(() => notes(bea).filter({ hasText: 'Wat heb je zelf al geprobeerd?' }).count()).toBe(1)
  await expect.poll(() => notes(bea).count()).toBe(10)
  await expect.poll(async () => overlapping(await noteBoxes(bea))).toEqual([])
  await shot(bea, 'snapped')

  // The facilitator tidies the zone: still ten, still none over another.
  await zone(bea, 'vragen').getByRole('button', { name: 'Opruimen' }).click()
  await bea.waitForTimeout(300)
  await shot(bea, 'tidied')
  expect(overlapping(await noteBoxes(bea))).toEqual([])
  expect(await notes(bea).count()).toBe(10)

  // Follow the facilitator: Bea looks at the whole board and brings everyone along.
  await bea.getByRole('button', { name: 'Hele bord' }).click()
  await bea.getByRole('button', { name: 'Iedereen naar mijn beeld' }).click()
  await expect.poll(() => piet.getByText('Je volgt de begeleider').count(), { timeout: 5000 }).toBe(1)
  await shot(bea, 'leading')
  await expect.poll(async () => offCentre(piet, bea), { timeout: 5000 }).toBeLessThan(0.03)
  await shot(piet, 'following')
  // The whole board is small on the facilitator's screen; following it stays readable (followFloor.ts).
  const leaderZoom = await zoneZoom(bea, template)
  const followerZoom = await zoneZoom(piet, template)
  console.log(`whole board: facilitator at ${leaderZoom.toFixed(2)}, follower at ${followerZoom.toFixed(2)}`)
  expect(leaderZoom).toBeLessThan(0.3)
  expect(followerZoom).toBeGreaterThanOrEqual(0.499)
  expect(await zoneZoom(anne, template)).toBeGreaterThanOrEqual(0.499)
  // Piet steps out (moves the board himself) and comes back.
  await piet.mouse.move(600, 500)
  await piet.mouse.wheel(0, 300)
  await expect.poll(() => piet.getByRole('button', { name: 'Volg de begeleider' }).count()).toBe(1)
  await piet.getByRole('button', { name: 'Volg de begeleider' }).click()
  await expect.poll(() => piet.getByText('Je volgt de begeleider').count()).toBe(1)
  // Nobody but the facilitator can bring the group along.
  expect(await piet.getByRole('button', { name: 'Iedereen naar mijn beeld' }).count()).toBe(0)
  await bea.getByRole('button', { name: 'Iedereen vrijlaten' }).click()
  await expect.poll(() => piet.getByText('Je volgt de begeleider').count()).toBe(0)

  // A break's banner lies over the board: the canvas does not move when it comes or goes.
  const tops = async () => [(await canvasBox(bea)).y, (await canvasBox(piet)).y]
  const before = await tops()
  await bea.getByRole('button', { name: 'Pauze (bord dicht)' }).click()
  await piet.locator('.break-banner').waitFor()
  await bea.locator('.break-banner').waitFor()
  await shot(piet, 'break')
  expect(await tops()).toEqual(before)
  await bea.getByRole('button', { name: 'Pauze voorbij' }).click()
  await expect.poll(() => piet.locator('.break-banner').count()).toBe(0)
  expect(await tops()).toEqual(before)

  // The rest of the hour: every phase on the facilitator's and a participant's screen, to look at.
  for (let step = 4; ; step++) {
    const next = bea.getByRole('button', { name: /Volgende fase/ })
    if ((await next.count()) === 0 || (await next.isDisabled())) break
    await next.click()
    await expect.poll(() => bea.locator('.phase-bar').textContent()).toContain(`Stap ${step} van`)
    await bea.waitForTimeout(400)
    await shot(bea, `phase-${step}-facilitator`)
    await shot(piet, `phase-${step}-participant`)
    expect(await cutOffChips(bea), `step ${step}`).toEqual([])
  }
  // In English too (longer words): the chips whole, the board as wide.
  await bea.getByRole('button', { name: 'EN', exact: true }).click()
  await expect.poll(() => bea.locator('.phase-bar').textContent()).toMatch(/Step \d+ of/)
  expect(await cutOffChips(bea)).toEqual([])
  expect((await canvasBox(bea)).width).toBeGreaterThanOrEqual(900)
  await shot(bea, 'last-phase-english')
  await bea.getByRole('button', { name: 'NL', exact: true }).click()
  await bea.getByRole('button', { name: 'Afronden' }).click()
  await bea.getByRole('button', { name: 'Ja, afronden' }).click()
  await expect.poll(() => piet.locator('.phase-bar').textContent()).toMatch(/afgerond/i)
  await shot(piet, 'finished-participant')
}, 300_000)
