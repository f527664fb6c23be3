import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'

/**
 * Issue 15, finding 6, as people meet it (Roddelmethode, "verkenning"): Olga draws an arrow from
 * her question to Dirk's; Dirk deletes his own question. tldraw lets go of Olga's arrow in the
 * same step (its end is written where it was drawn, the binding goes); the board allows that,
 * on screen and on the server, and Olga's arrow stays.
 */
const e2e = serverAndBrowserForFile()

const zone = (page: Page, id: string) => page.locator(`.zone-overlay[data-zone="${id}"]`)
const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')
const arrows = (page: Page) => page.locator('.tl-shape[data-shape-type="arrow"]')

async function centreOf(page: Page, text: string) {
  const box = (await notes(page).filter({ hasText: text }).boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

async function writeQuestion(page: Page, text: string) {
  const box = (await zone(page, 'vragen').boundingBox())!
  await placeNoteWithTool(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 })
  await writeInNote(page, text)
  await page.keyboard.press('Escape')
}

async function toVerkenning(bea: Page, dirk: Page) {
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByRole('button', { name: 'Casus noteren' }).click()
  await bea.getByLabel('Casus').fill('Ina twijfelt of ze een cliënt moet doorverwijzen')
  await bea.getByRole('button', { name: 'Vastleggen' }).click()
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => zone(dirk, 'vragen').getAttribute('data-state'), { timeout: 5000 }).toBe('open')
}

it('keeps a note dragged over the edge of its zone wholly inside it, without a refusal', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'roddelmethode',
    'Team Wijkzorg',
  )
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const dirk = await joinAs(e2e, invitePath, 'Dirk')
  await toVerkenning(bea, dirk)
  await writeQuestion(dirk, 'Wat deed je toen')
  await dirk.keyboard.press('v')
  const from = await centreOf(dirk, 'Wat deed je toen')
  const edge = (await zone(dirk, 'vragen').boundingBox())!
  // Its middle stays in the zone; half of it would stick out over the right-hand edge.
  await dirk.mouse.move(from.x, from.y - 50)
  await dirk.mouse.down()
  await dirk.mouse.move(edge.x + edge.width - 20, from.y - 50, { steps: 10 })
  await dirk.mouse.up()
  await expect
    .poll(
      async () =>
        (await notes(dirk).first().boundingBox())!.x + (await notes(dirk).first().boundingBox())!.width,
    )
    .toBeLessThanOrEqual(edge.x + edge.width + 1)
  expect(await dirk.locator('.notice[role="alert"]').count()).toBe(0)

  // Down to the bottom edge, then a long question: the note grows, and moves up to stay inside.
  const there = await centreOf(dirk, 'Wat deed je toen')
  await dirk.mouse.move(there.x, there.y - 50)
  await dirk.mouse.down()
  await dirk.mouse.move(there.x, edge.y + edge.height - 70, { steps: 10 })
  await dirk.mouse.up()
  const bottom = async () => {
    const b = (await notes(dirk).first().boundingBox())!
    return b.y + b.height
  }
  await expect.poll(bottom).toBeGreaterThan(edge.y + edge.height - 10)
  const low = await centreOf(dirk, 'Wat deed je toen')
  await dirk.mouse.click(low.x, low.y - 50)
  await dirk.keyboard.press('Enter')
  await dirk.keyboard.press('End')
  await writeInNote(
    dirk,
    ' en wat gebeurde er daarna met de cliënt, met haar ouders en met het team om haar heen?',
  )
  await dirk.keyboard.press('Escape')
  await expect.poll(async () => (await notes(dirk).first().boundingBox())!.height).toBeGreaterThan(160)
  expect(await bottom()).toBeLessThanOrEqual(edge.y + edge.height + 1)
  await dirk.screenshot({ path: path.join(RESULTS_DIR, 'note-kept-whole.png') })
  expect(await dirk.locator('.notice[role="alert"]').allTextContents()).toEqual([])
  expect(e2e.server.output()).not.toContain('"msg":"refused update"')
  await dirk.screenshot({ path: path.join(RESULTS_DIR, 'note-kept-whole.png') })
}, 180_000)

it('lets Dirk delete his own question with Olga’s arrow bound to it; her arrow stays', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'roddelmethode',
    'Team Wijkzorg',
  )
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const dirk = await joinAs(e2e, invitePath, 'Dirk')
  const olga = await joinAs(e2e, invitePath, 'Olga')

  await toVerkenning(bea, dirk)

  await writeQuestion(dirk, 'Wat deed je toen')
  await expect.poll(() => notes(olga).count(), { timeout: 5000 }).toBe(1)
  await writeQuestion(olga, 'Wie was erbij')
  await expect.poll(() => notes(dirk).count(), { timeout: 5000 }).toBe(2)

  // Olga draws an arrow from her question to Dirk's: tldraw binds both ends.
  const from = await centreOf(olga, 'Wie was erbij')
  const to = await centreOf(olga, 'Wat deed je toen')
  await olga.keyboard.press('a')
  await olga.mouse.move(from.x, from.y)
  await olga.mouse.down()
  await olga.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 5, { steps: 5 })
  await olga.mouse.move(to.x, to.y, { steps: 5 })
  await olga.mouse.up()
  await olga.keyboard.press('Escape')
  await expect.poll(() => arrows(dirk).count(), { timeout: 5000 }).toBe(1)
  expect(await olga.locator('.notice[role="alert"]').count()).toBe(0)

  // Dirk selects his own question and deletes it.
  await dirk.keyboard.press('v')
  const mine = await centreOf(dirk, 'Wat deed je toen')
  await dirk.mouse.click(mine.x, mine.y - 60)
  await dirk.keyboard.press('Delete')
  await expect.poll(() => notes(olga).count(), { timeout: 5000 }).toBe(1)
  await expect.poll(() => notes(dirk).count()).toBe(1)
  // No refusal on his screen, none from the server; Olga's arrow is still on both boards.
  expect(await dirk.locator('.notice[role="alert"]').count()).toBe(0)
  expect(e2e.server.output()).not.toContain('"msg":"refused update"')
  expect(await arrows(olga).count()).toBe(1)
  expect(await arrows(dirk).count()).toBe(1)
  await dirk.screenshot({ path: path.join(RESULTS_DIR, 'bound-arrow-after-delete.png') })
}, 180_000)
