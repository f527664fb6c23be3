import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { writeInNote } from './helpers/noteTool'

/**
 * The facilitator's moves in Chromium (method 5, Warm-neutraal-koud): a facilitator, an inbrenger
 * and two participants. A closed question gets the quiet open-question hint for its author and the
 * facilitator, not for the other participant; the planned end is on everyone's bar and moves when
 * the facilitator takes minutes from later phases, after a preview of the new end; a round in turns
 * shows the order, whose turn it is and who has been heard; a break makes the board read-only for
 * everyone, says "Pauze", and is lifted.
 */
const e2e = serverAndBrowserForFile()

const person = (link: string, name: string) => joinAs(e2e, link, name)

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `facilitator-moves-${name}.png`) })
const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')
const zone = (page: Page, id: string) => page.locator(`.zone-overlay[data-zone="${id}"]`)
const endTime = (page: Page) => page.locator('.meeting-end__time')

async function addQuestion(page: Page, text: string): Promise<void> {
  const before = await notes(page).count()
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click({ timeout: 10_000 })
  await expect.poll(() => notes(page).count()).toBe(before + 1)
  await writeInNote(page, text)
  await page.keyboard.press('Escape')
}

it('hint, time, turns and a break, as the group sees them', async () => {
  // Method 12's open questions go on the board as they are written (method 5's are sealed until
  // the rating), so the whole group sees the hint's effect and the break on them.
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'modelling',
    'Intervisie wijkteam',
  )
  const bea = await person(facilitatorPath, 'Bea')
  const ina = await person(invitePath, 'Ina')
  const piet = await person(invitePath, 'Piet')
  const kees = await person(invitePath, 'Kees')
  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect.poll(() => ina.locator('.person-chip').textContent()).toContain('inbrenger')
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByLabel('Ga naar fase').selectOption('open-vragen')
  await expect.poll(() => zone(piet, 'vragen').getAttribute('data-state')).toBe('open')

  console.log(new Date().toISOString().slice(11, 19), 'step:The planned end i')
  // The planned end is on everyone's bar, the same time.
  await expect.poll(() => endTime(piet).textContent()).toMatch(/^Einde \d\d:\d\d$/)
  expect(await endTime(kees).textContent()).toBe(await endTime(bea).textContent())

  console.log(new Date().toISOString().slice(11, 19), 'step:Open-question hin')
  // Open-question hint: Piet's closed question gets it, his open one not; Kees does not see it.
  await addQuestion(piet, 'Heb je dit al met je leidinggevende besproken?')
  await addQuestion(piet, 'Wat heb je zelf al geprobeerd?')
  await expect.poll(() => piet.locator('.question-hint').count()).toBe(1)
  expect(await piet.locator('.question-hint').textContent()).toMatch(
    /Gesloten vraag\?.*Probeer: Wat heb je …\?/,
  )
  // The hint is a tag in the gap above its note: it covers no note (its text) and runs below none.
  const hintBox = await piet.locator('.question-hint').boundingBox()
  const noteBoxes = await Promise.all((await notes(piet).all()).map((note) => note.boundingBox()))
  expect(hintBox).not.toBeNull()
  for (const box of noteBoxes) {
    if (!hintBox || !box) continue
    const overlaps =
      hintBox.x < box.x + box.width &&
      box.x < hintBox.x + hintBox.width &&
      hintBox.y < box.y + box.height &&
      box.y < hintBox.y + hintBox.height
    expect(overlaps, 'the hint covers a note').toBe(false)
  }
  expect(await piet.locator('.question-hint').getAttribute('title')).toMatch(/Probeer: Wat heb je …\?/)
  await expect.poll(() => bea.locator('.question-hint').count()).toBe(1)
  await expect.poll(() => notes(kees).count()).toBe(2)
  expect(await kees.locator('.question-hint').count()).toBe(0)
  await shot(piet, 'hint')

  console.log(new Date().toISOString().slice(11, 19), 'step:Time: take')
  // Time: take 3 minutes from later phases; the preview's new end is the end everyone then sees.
  const before = await endTime(piet).textContent()
  await bea.getByRole('button', { name: 'Tijd halen…' }).click()
  await bea.getByLabel('Minuten', { exact: true }).fill('3')
  const preview = bea.locator('.take-time__end')
  await expect.poll(() => preview.textContent()).toMatch(/^Nieuw einde \d\d:\d\d \(nu \d\d:\d\d\)$/)
  expect(await bea.locator('.take-time__phases li').count()).toBeGreaterThan(0)
  await shot(bea, 'take-time-preview')
  const newEnd = (await preview.textContent())!.match(/Nieuw einde (\d\d:\d\d)/)![1]
  await bea.getByRole('button', { name: 'Minuten weghalen' }).click()
  await expect.poll(() => endTime(piet).textContent()).toBe(`Einde ${newEnd}`)
  expect(`Einde ${newEnd}`).not.toBe(before)

  console.log(new Date().toISOString().slice(11, 19), 'step:Turns: Bea')
  // Turns: Bea starts a round over those present; Piet and Kees in order; next.
  await bea.getByRole('button', { name: 'Om de beurt…' }).click()
  await bea.getByRole('button', { name: 'Ronde starten' }).click()
  await expect.poll(() => kees.locator('.turns-strip__now').textContent()).toMatch(/Piet is aan de beurt/)
  await bea.getByRole('button', { name: 'Volgende ›', exact: true }).click()
  await expect.poll(() => kees.locator('.turns-strip__now').textContent()).toMatch(/Kees is aan de beurt/)
  expect(await kees.locator('.turns-strip__person[data-state="heard"]').textContent()).toMatch(/Piet/)
  await shot(kees, 'turns')

  console.log(new Date().toISOString().slice(11, 19), 'step:A break:')
  // A break: everyone reads "Pauze"; a new note is refused on screen and never reaches the others.
  await bea.getByRole('button', { name: 'Pauze (bord dicht)' }).click()
  await piet.locator('.break-banner').waitFor()
  expect(await piet.locator('.break-banner').textContent()).toMatch(/^Pauze/)
  // The zones say why they are closed: the break, not the phase.
  await expect
    .poll(() => zone(piet, 'vragen').locator('.zone-overlay__badge').textContent())
    .toMatch(/^Pauze/)
  await piet.getByTestId('tools.note').click()
  // An empty place in the zone, on screen: below the first row of notes, inside the canvas.
  const area = (await zone(piet, 'vragen').boundingBox())!
  const canvas = (await piet.locator('.tl-canvas').boundingBox())!
  const bottom = Math.min(area.y + area.height, canvas.y + canvas.height)
  await piet.mouse.click(area.x + area.width / 2, bottom - 40)
  await expect
    .poll(() => piet.locator('.notice[role="alert"]').textContent(), { timeout: 3000 })
    .toMatch(/Pauze/)
  await shot(piet, 'break')
  await bea.waitForTimeout(500)
  expect(await notes(bea).count()).toBe(2)

  console.log(new Date().toISOString().slice(11, 19), 'step:Lifted:')
  // Lifted: the banner goes and writing works again.
  await bea.getByRole('button', { name: 'Pauze voorbij' }).click()
  await expect.poll(() => piet.locator('.break-banner').count()).toBe(0)
  await piet.getByTestId('tools.select').click({ timeout: 10_000 })
  console.log(new Date().toISOString().slice(11, 19), 'lifted: banner gone')
  await shot(piet, 'after-break')
  await addQuestion(piet, 'Wie was er nog meer bij?')
  console.log(new Date().toISOString().slice(11, 19), 'lifted: question added')
  await expect.poll(() => notes(bea).count(), { timeout: 5000 }).toBe(3)
}, 300_000)
