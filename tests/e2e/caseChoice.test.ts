import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { writeInNote } from './helpers/noteTool'

/**
 * Choosing the case in the 60-minute plan (G2) in Chromium: each member puts a case of at most
 * two sentences on the case list (a third sentence is refused, with the reason), the facilitator
 * gives everyone two votes and opens the vote, the members vote (live counts on every screen, no
 * more than two each), and one click makes the leading case the meeting's case for everyone.
 */
const e2e = serverAndBrowserForFile()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `case-${name}.png`) })

const CASES = {
  Anna: 'Mijn team haalt deadlines niet. Hoe spreek ik dat aan, bijv. in het overleg?',
  Ben: 'Een collega neemt o.a. mijn klanten over. Moet ik dat bij dhr. Visser melden?',
  Carla: 'Ik zeg te vaak ja op extra werk.',
}

/**
 * Writes a note in the case list with *Notitie toevoegen* (it opens a new note of mine in a free
 * slot of the open zone): a click with the note tool could land on someone else's case that
 * arrived meanwhile and open that one instead.
 */
async function addCase(page: Page, text: string): Promise<void> {
  const before = await page.locator('.tl-shape[data-shape-type="note"]').count()
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click()
  await expect
    .poll(() => page.locator('.tl-shape[data-shape-type="note"]').count(), { timeout: 5000 })
    .toBeGreaterThan(before)
  await writeInNote(page, text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

const item = (page: Page, text: string) =>
  page.locator('.notes-list .note-item').filter({ has: page.locator('.note-item__text', { hasText: text }) })
const votesOn = (page: Page, text: string) =>
  item(page, text).locator('.note-votes').getAttribute('data-votes')

it('G2: cases of two sentences at most, dot votes, one click makes the winner the meeting’s case', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'stappenplan-60',
    'Intervisie Zuid',
  )
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const anna = await joinAs(e2e, invitePath, 'Anna')
  const ben = await joinAs(e2e, invitePath, 'Ben')
  const carla = await joinAs(e2e, invitePath, 'Carla')
  const everyone = [bea, anna, ben, carla]

  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await expect
    .poll(() => anna.locator('.zone-overlay[data-zone="casuslijst"]').getAttribute('data-state'))
    .toBe('open')
  expect(await anna.locator('.case-list__limit').textContent()).toContain('Hooguit 2 zinnen per casus')

  // A third sentence is refused as it is written, with the reason; the case does not reach the
  // others, and Carla's words come back to her (Teruggekomen notities), not gone with the edit.
  await addCase(carla, 'Ik zeg te vaak ja. Daardoor werk ik elke avond door. Wat doe ik?')
  await expect
    .poll(() => carla.locator('.notice[role="alert"]').textContent(), { timeout: 3000 })
    .toMatch(/hooguit 2 zinnen.*Teruggekomen notities/)
  await expect
    .poll(() => carla.locator('.returned__text').allTextContents())
    .toEqual(['Ik zeg te vaak ja. Daardoor werk ik elke avond door. Wat doe ik?'])
  await shot(carla, 'three-sentences-refused')
  await carla.waitForTimeout(500)
  for (const page of everyone) {
    expect(await page.locator('.note-item__text').allTextContents()).not.toContain(
      'Ik zeg te vaak ja. Daardoor werk ik elke avond door. Wat doe ik?',
    )
  }
  // The refused case leaves nothing behind: no empty note on the board or the list, for anyone
  // (it would stand there as "(zonder tekst)", a case to vote on).
  for (const page of everyone) {
    await expect.poll(() => page.locator('.tl-shape[data-shape-type="note"]').count()).toBe(0)
    await expect.poll(() => page.locator('.notes-list .note-item').count()).toBe(0)
  }
  // Carla folds the returned text away (it covers part of the zone) and writes a shorter case.
  await carla.getByRole('button', { name: 'Verbergen' }).click()
  await carla.keyboard.press('Escape')

  await addCase(anna, CASES.Anna)
  await addCase(ben, CASES.Ben)
  await addCase(carla, CASES.Carla)
  for (const page of everyone) {
    await expect.poll(() => page.locator('.notes-list .note-item').count(), { timeout: 5000 }).toBe(3)
  }
  expect((await bea.locator('.note-item__text').allTextContents()).sort()).toEqual(
    Object.values(CASES).sort(),
  )
  await shot(bea, 'case-list')

  // The facilitator moves to choosing and opens the vote with two votes each.
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => anna.locator('.vote-panel__status').textContent()).toMatch(/opent zo de stemming/)
  await bea.getByLabel('Stemmen per persoon').fill('2')
  await bea.getByRole('button', { name: 'Stemming openen' }).click()
  await expect
    .poll(() => anna.locator('.vote-panel__status').textContent())
    .toBe('Je hebt nog 2 van 2 stemmen.')

  const vote = async (page: Page, text: string) => {
    const before = Number(await votesOn(page, text))
    await page.getByRole('button', { name: `Stem op: ${text}` }).click()
    await expect.poll(() => votesOn(page, text)).toBe(String(before + 1))
  }
  await vote(anna, CASES.Ben)
  await vote(anna, CASES.Ben)
  await vote(ben, CASES.Ben)
  await vote(ben, CASES.Carla)
  await vote(carla, CASES.Carla)
  await vote(carla, CASES.Anna)
  // Two each: no third.
  expect(await carla.getByRole('button', { name: `Stem op: ${CASES.Ben}` }).isDisabled()).toBe(true)
  expect(await carla.locator('.vote-panel__status').textContent()).toMatch(/al je 2 stemmen/)
  // Every screen shows the same counts, live.
  for (const page of everyone) {
    await expect.poll(() => votesOn(page, CASES.Ben)).toBe('3')
    await expect.poll(() => votesOn(page, CASES.Carla)).toBe('2')
    await expect.poll(() => votesOn(page, CASES.Anna)).toBe('1')
  }
  expect(await item(bea, CASES.Ben).locator('.note-votes').getAttribute('data-leading')).toBe('true')
  // Participants cannot choose; the facilitator can.
  expect(await anna.getByRole('button', { name: /Kies als casus/ }).count()).toBe(0)
  await shot(anna, 'votes-participant')
  await shot(bea, 'votes-facilitator')

  await bea.getByRole('button', { name: 'Stemming sluiten' }).click()
  await expect.poll(() => anna.locator('.vote-panel__status').textContent()).toBe('De stemming is gesloten.')
  await bea.getByRole('button', { name: `Kies als casus van de bijeenkomst: ${CASES.Ben}` }).click()
  for (const page of everyone) {
    await expect
      .poll(() => page.locator('.chosen-case__text').textContent(), { timeout: 5000 })
      .toBe(CASES.Ben)
  }
  await shot(ben, 'chosen')
}, 180_000)
