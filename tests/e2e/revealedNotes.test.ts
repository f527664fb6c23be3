import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'

/**
 * A revealed private note in real browsers: the server placed it sealed; every browser opens it
 * with the key from its link. Its author changes the text (sealed again in their browser); the
 * begeleider cannot, and can only remove it visibly: it stays on every board saying so.
 */
const e2e = serverAndBrowserForFile()
const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')

function dataDirBytes(): Buffer {
  const files: Buffer[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry)
      if (statSync(full).isDirectory()) walk(full)
      else files.push(readFileSync(full))
    }
  }
  walk(e2e.server.dataDir)
  return Buffer.concat(files)
}

/** Opens the note with this text for typing, selects all of it and types `text` over it. */
async function retype(page: Page, from: string, text: string): Promise<void> {
  await notes(page).filter({ hasText: from }).dblclick()
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

it('lets only the author change a revealed note; the begeleider removes it only visibly', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'intervisie-8-stappen',
    'Team Eerlijk',
  )
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const anna = await joinAs(e2e, invitePath, 'Anna')
  const bram = await joinAs(e2e, invitePath, 'Bram')
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByLabel('Ga naar fase').selectOption('ieder-voor-zich')
  await expect
    .poll(() => anna.locator('.zone-overlay[data-zone="wat-speelt-er"]').getAttribute('data-state'))
    .toBe('open')
  const box = (await anna.locator('.zone-overlay[data-zone="wat-speelt-er"]').boundingBox())!
  await placeNoteWithTool(anna, { x: box.x + box.width / 3, y: box.y + box.height / 2 })
  await writeInNote(anna, 'EERSTE-VERSIE-6612')
  await anna.keyboard.press('Escape')
  await anna.keyboard.press('Escape')
  await expect.poll(() => anna.getByText('1 notitie(s) versleuteld bewaard').count()).toBe(1)
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  for (const page of [bea, bram])
    await expect
      .poll(() => notes(page).filter({ hasText: 'EERSTE-VERSIE-6612' }).count(), { timeout: 10_000 })
      .toBe(1)

  // The author rewrites it: everyone sees the new text, no file holds it.
  await retype(anna, 'EERSTE-VERSIE-6612', 'TWEEDE-VERSIE-6612')
  await expect
    .poll(() => notes(bram).filter({ hasText: 'TWEEDE-VERSIE-6612' }).count(), { timeout: 10_000 })
    .toBe(1)

  // The report, made in the browser, has the text as this browser opened it.
  await bea.getByRole('button', { name: 'Verslag' }).click()
  await expect
    .poll(() => bea.locator('.report-root').getByText('TWEEDE-VERSIE-6612').count(), { timeout: 10_000 })
    .toBeGreaterThan(0)
  await bea.locator('.report-root').getByRole('button', { name: 'Sluiten' }).click()

  // A browser without the meeting key (a link without it) shows that the note is sealed.
  const keyless = await joinAs(e2e, invitePath.replace(/&sleutel=[^&]*/, ''), 'Zonder Sleutel')
  await expect
    .poll(
      () =>
        notes(keyless)
          .filter({ hasText: /Versleuteld/ })
          .count(),
      { timeout: 10_000 },
    )
    .toBe(1)
  expect(await notes(keyless).filter({ hasText: 'TWEEDE-VERSIE-6612' }).count()).toBe(0)
  await keyless.screenshot({ path: path.join(RESULTS_DIR, 'revealed-note-no-key.png') })
  await keyless.close()

  // The begeleider tries: the lock says no, and nobody else sees anything change.
  await retype(bea, 'TWEEDE-VERSIE-6612', 'VERVALST-6612')
  await expect.poll(() => bea.getByText(/Alleen wie deze notitie schreef/).count()).toBeGreaterThan(0)
  await bea.waitForTimeout(1000)
  expect(await notes(bram).filter({ hasText: 'VERVALST-6612' }).count()).toBe(0)
  expect(await notes(bram).filter({ hasText: 'TWEEDE-VERSIE-6612' }).count()).toBe(1)

  // Removing it is visible to everyone: the note stays and says who removed it.
  await notes(bea).filter({ hasText: 'TWEEDE-VERSIE-6612' }).click()
  await bea.getByRole('button', { name: 'Onthulde notitie verwijderen' }).click()
  await bea.screenshot({ path: path.join(RESULTS_DIR, 'revealed-note-remove.png') })
  await bea.getByRole('button', { name: 'Ja, verwijderen' }).click()
  for (const page of [bea, anna, bram])
    await expect
      .poll(() => notes(page).filter({ hasText: 'Verwijderd door de begeleider' }).count(), {
        timeout: 10_000,
      })
      .toBe(1)
  expect(await notes(anna).filter({ hasText: 'TWEEDE-VERSIE-6612' }).count()).toBe(0)
  await bram.screenshot({ path: path.join(RESULTS_DIR, 'revealed-note-removed.png') })
  for (const text of ['EERSTE-VERSIE-6612', 'TWEEDE-VERSIE-6612', 'VERVALST-6612'])
    expect(dataDirBytes().includes(text)).toBe(false)
}, 180_000)

it('shows a topic prepared privately (sealed, unreadable to the server) in the phase bar of the topic walk', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'snelle-adviesrondes',
    'Adviesuur',
  )
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const anna = await joinAs(e2e, invitePath, 'Anna')
  const topic = 'VOORBEREID-ONDERWERP-4410'
  await anna.getByLabel('Je casus in een paar zinnen').fill(topic)
  await anna.getByRole('button', { name: 'Casus klaarzetten' }).click()
  await expect.poll(() => anna.getByText('Versleuteld bewaard').count()).toBe(1)
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await expect.poll(() => notes(bea).filter({ hasText: topic }).count(), { timeout: 10_000 }).toBe(1)
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  for (const page of [bea, anna])
    await expect
      .poll(() => page.locator('.phase-bar__topic').textContent(), { timeout: 10_000 })
      .toContain(`Onderwerp 1 van 1: ${topic}`)
  await bea.screenshot({ path: path.join(RESULTS_DIR, 'revealed-topic.png') })
}, 120_000)
