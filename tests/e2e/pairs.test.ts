import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'
import { draftsStored } from './helpers/sealedDrafts'

/**
 * Modelling (method 12) in pairs, in Chromium: the begeleider splits the four who take part into
 * two pairs; everyone sees who works with whom; each writes a note on the first flap, sealed
 * until the time is up (seed 004: the post-its go on the flaps "na afloop van de tijd"); at the
 * reflection the list shows the flap's notes per pair ("Paar 1: Anna & Bram") on every screen.
 */
const e2e = serverAndBrowserForFile()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `pairs-${name}.png`) })

const ZONE = 'visie-op-de-situatie'

async function addNote(page: Page, text: string, slot: number): Promise<void> {
  const box = (await page.locator(`.zone-overlay[data-zone="${ZONE}"]`).boundingBox())!
  // Only the part of the flap on screen: the phase shows all five flaps, this one may run past the
  // canvas's edge.
  const canvas = (await page.locator('.tl-canvas').boundingBox())!
  const left = Math.max(box.x, canvas.x)
  const top = Math.max(box.y, canvas.y)
  const zone = {
    x: left,
    y: top,
    width: Math.min(box.x + box.width, canvas.x + canvas.width) - left,
    height: Math.min(box.y + box.height, canvas.y + canvas.height) - top,
  }
  const before = await page.locator('.tl-shape[data-shape-type="note"]').count()
  await placeNoteWithTool(page, {
    x: zone.x + zone.width * (slot % 2 === 0 ? 0.3 : 0.7),
    y: zone.y + zone.height * (slot < 2 ? 0.4 : 0.75),
  })
  await expect.poll(() => page.locator('.tl-shape[data-shape-type="note"]').count()).toBe(before + 1)
  await writeInNote(page, text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

const sections = (page: Page) =>
  page.locator('.notes-list .note-group[data-group]').evaluateAll((els) =>
    els.map((el) => ({
      heading: el.querySelector('.note-group__name')?.textContent ?? '',
      // The reveal puts the notes in random places: the pairs' notes in any order.
      notes: [...el.querySelectorAll('.note-item__text')].map((n) => n.textContent ?? '').sort(),
    })),
  )

it('method 12: four people in two pairs, their sealed notes revealed and listed per pair', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(e2e.server.url, 'modelling', 'Modelling')
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const names = ['Anna', 'Bram', 'Carla', 'Daan'] as const
  const people: Page[] = []
  for (const name of names) people.push(await joinAs(e2e, invitePath, name))

  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByLabel('Ga naar fase').selectOption('modelling')
  await expect.poll(() => people[0]!.locator('.phase-bar').textContent()).toContain('Modelling in tweetallen')

  await bea.getByRole('button', { name: 'Tweetallen maken…' }).click()
  const dialog = bea.getByRole('dialog', { name: 'Indeling in tweetallen' })
  await expect.poll(() => dialog.locator('li').allTextContents()).toEqual(['Anna & Bram', 'Carla & Daan'])
  await shot(bea, 'proposal')
  await dialog.getByRole('button', { name: 'Zo indelen' }).click()

  // Everyone sees who works with whom; their own pair marked.
  await expect
    .poll(() => people[2]!.locator('.pairs-strip').textContent(), { timeout: 5000 })
    .toContain('Paar 2 Carla & Daan (jouw groepje)')
  expect(await bea.locator('.pairs-strip').textContent()).toContain('Paar 1 Anna & Bram')
  // On the flaps the pairs write on, each sees whom they work with; the begeleider is in no pair.
  const badge = (page: Page) =>
    page.locator(`.zone-overlay[data-zone="${ZONE}"] .zone-overlay__badge`).textContent()
  await expect.poll(() => badge(people[0]!)).toContain('samen met Bram')
  expect(await badge(people[3]!)).toContain('samen met Carla')
  expect(await badge(bea)).not.toContain('samen met')

  for (const [i, page] of people.entries()) await addNote(page, `Idee van ${names[i]}`, i)
  for (const name of names) await draftsStored(bea, name, 1)
  expect(await bea.locator('.tl-shape[data-shape-type="note"]').count()).toBe(0)
  expect(await people[2]!.locator('.tl-shape[data-shape-type="note"]').count()).toBe(1)
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => people[0]!.locator('.phase-bar').textContent()).toContain('Reflectie')

  const expected = [
    { heading: 'Paar 1: Anna & Bram', notes: ['Idee van Anna', 'Idee van Bram'] },
    { heading: 'Paar 2: Carla & Daan', notes: ['Idee van Carla', 'Idee van Daan'] },
  ]
  for (const page of [bea, ...people]) {
    await expect.poll(() => sections(page), { timeout: 5000 }).toEqual(expected)
  }
  await shot(bea, 'list-per-pair')
  await shot(people[0]!, 'anna')
}, 240_000)
