/**
 * Makes docs/images/board.png: a Warm-neutraal-koud meeting in use, seen by the inbrenger on a
 * 1280x800 laptop while she rates the group's questions. Not a test: run it by hand against a
 * running server with the built client, then look at the picture before committing it.
 *
 *   npx vite build
 *   DATA_DIR=$(mktemp -d) PORT=18931 npx tsx server/src/index.ts &
 *   npx tsx docs/images/makeBoardImage.ts http://127.0.0.1:18931
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../../tests/e2e/helpers/browser'
import { createMeeting } from '../../tests/e2e/helpers/meeting'
import { writeInNote } from '../../tests/e2e/helpers/noteTool'

const serverUrl = process.argv[2] ?? 'http://127.0.0.1:8787'
const OUT = path.join(import.meta.dirname, 'board.png')

async function join(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await page.goto(serverUrl + link)
  await page.getByLabel(/naam zoals de groep/i).fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.locator('.tl-canvas').waitFor()
  return page
}

/** A note in the next free slot of the zone in play, as a person adds one. */
async function addNote(page: Page, text: string): Promise<void> {
  const notes = page.locator('.tl-shape[data-shape-type="note"]')
  const before = await notes.count()
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click()
  await page.waitForFunction(
    (n) => document.querySelectorAll('.tl-shape[data-shape-type="note"]').length > n,
    before,
  )
  await writeInNote(page, text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

const browser = await launchBrowser()
try {
  const links = await createMeeting(serverUrl, 'warm-neutraal-koud', 'Intervisie team Zuid')
  const bea = await join(browser, links.facilitatorPath, 'Bea')
  const ina = await join(browser, links.invitePath, 'Ina')
  const anna = await join(browser, links.invitePath, 'Anna')
  const bram = await join(browser, links.invitePath, 'Bram')

  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await ina.locator('.person-chip', { hasText: 'inbrenger' }).waitFor()
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await ina.locator('.phase-bar', { hasText: 'Vraag introduceren' }).waitFor()
  await addNote(ina, 'Hoe zeg ik nee tegen extra werk zonder het team te laten vallen?')

  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await anna.locator('.phase-bar', { hasText: 'Vragen formuleren' }).waitFor()
  await addNote(anna, 'Wat gebeurt er bij jou als je nee zegt?')
  await addNote(anna, 'Wie vraagt het vaakst iets extra’s van je?')
  await addNote(bram, 'Wat zou je leidinggevende zeggen als je minder doet?')
  await addNote(bram, 'Waar krijg je energie van in je werk?')
  await addNote(bram, 'Heb je dit eerder meegemaakt?')
  await ina.waitForFunction(() => document.querySelectorAll('.notes-list .note-item').length === 5)

  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await ina.locator('.notes-list__howto').waitFor()
  const focused = () => ina.evaluate(() => document.activeElement?.classList.contains('note-item') === true)
  for (let i = 0; i < 150 && !(await focused()); i++) await ina.keyboard.press('Tab')
  for (const [n, mark] of ['w', 'w', 'n', 'k'].entries()) {
    await ina.keyboard.press(mark)
    await ina.waitForFunction(
      (left) => document.querySelectorAll('.note-group[data-mark=""] .note-item').length === left,
      4 - n,
    )
  }
  await ina.screenshot({ path: OUT })
  console.log(`wrote ${OUT}`)
} finally {
  await browser.close()
}
