import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { writeInNote } from './helpers/noteTool'
import { draftsStored } from './helpers/sealedDrafts'

/**
 * What the group takes away (method 5, Warm-neutraal-koud), through the UI: a facilitator, an
 * inbrenger and a participant play the meeting to the end; the inbrenger marks, chooses an advice
 * and writes a SMART action on the report page; the participant evaluates there with a score,
 * anonymous as the facilitator chose; after "Afgerond" the participant opens the report
 * from the board and finds the outcome there; the summary downloads as Markdown and the page
 * prints to a PDF, which is turned into PNGs to look at.
 */
const e2e = serverAndBrowserForFile()

const person = (link: string, name: string) => joinAs(e2e, link, name)

const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')

/** A note in the next free place of the zone in play, typed through the keyboard. */
async function write(page: Page, text: string): Promise<void> {
  const before = await notes(page).count()
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click()
  await expect.poll(() => notes(page).count(), { timeout: 5000 }).toBe(before + 1)
  await writeInNote(page, text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

/** The inbrenger marks a note from the notes list: focus it, press the mark's key. */
async function mark(page: Page, text: string, key: 'w' | 'n' | 'k'): Promise<void> {
  const item = page.locator('.notes-list .note-item', { hasText: text })
  await item.focus()
  await page.keyboard.press(key)
  await expect
    .poll(() =>
      page.locator(`.note-group[data-mark="${key.toUpperCase()}"] .note-item__text`).allTextContents(),
    )
    .toContain(text)
}

async function next(bea: Page, phase: RegExp): Promise<void> {
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => bea.locator('.phase-bar__now').textContent(), { timeout: 10_000 }).toMatch(phase)
}

/** Definitions nobody rates: a part longer than what is left of a printed page. */
const MORE_DEFINITIONS = [
  'Niemand voelt zich eigenaar van het overleg',
  'De agenda komt altijd van mij',
  'Besluiten worden buiten het overleg genomen',
  'Het team weet niet wat ik van ze verwacht',
  'Ik onderbreek te snel als het stil valt',
  'Er is geen tijd voor het overleg ingeroosterd',
  'Oude conflicten zijn nooit uitgesproken',
  'Nieuwe collega’s kennen de afspraken niet',
  'Het overleg gaat vooral over roosters',
  'Ik beslis liever zelf dan dat ik wacht',
  'Het team is gewend dat ik het oplos',
  'Er is geen verslag, dus niets ligt vast',
  'Kritiek wordt pas op de gang gegeven',
  'We vieren nooit wat wel lukt',
]

const SMART = {
  specifiek: 'Elk teamlid een kwartier apart spreken',
  meetbaar: 'Zes gesprekken gevoerd',
  acceptabel: 'Mijn leidinggevende staat erachter',
  realistisch: 'Een kwartier per week past',
  tijdgebonden: 'Voor 1 februari',
}

/** A4 and the report's print margin (report.css: @page 16mm), in PDF points. */
const PAGE_MARGIN_PT = (16 / 25.4) * 72

/**
 * Prints the report as its button does, to a PDF: the button draws the board picture first, then
 * calls the browser's print, which a headless browser cannot show; page.pdf() prints instead. Gives
 * the text, and per page how far down it is filled (the lowest word between the margins), and
 * leaves the pages as PNGs to look at.
 */
async function printed(page: Page, button: string, name: string) {
  await page.evaluate(() => {
    ;(window as unknown as { printCalls: number }).printCalls = 0
    window.print = () => {
      ;(window as unknown as { printCalls: number }).printCalls += 1
    }
  })
  await page.getByRole('button', { name: button }).click()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls), {
      // Drawing the board (fonts embedded) takes a while on a busy machine, as for its download.
      timeout: 30_000,
    })
    .toBe(1)
  // The board is on paper under the facts, sized to the page.
  await page.emulateMedia({ media: 'print' })
  const board = await page.locator('.report-board img').boundingBox()
  const content = await page.locator('.report-page').boundingBox()
  await page.emulateMedia({ media: null })
  expect(board && content && board.width <= content.width + 1 && board.height > 100).toBe(true)
  expect(board!.height).toBeLessThanOrEqual((150 / 25.4) * 96 + 1)

  const pdfPath = path.join(RESULTS_DIR, `${name}.pdf`)
  const pdf = await page.pdf({ path: pdfPath, format: 'A4' })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(RESULTS_DIR, `${name}-page`)])
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString()
  const boxes = execFileSync('pdftotext', ['-bbox', pdfPath, '-']).toString()
  const fills = boxes
    .split('<page ')
    .slice(1)
    .map((pageBoxes) => {
      const height = Number(/height="([\d.]+)"/.exec(pageBoxes)![1])
      const feet = [...pageBoxes.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]))
      const lowest = Math.max(PAGE_MARGIN_PT, ...feet)
      return Number(((lowest - PAGE_MARGIN_PT) / (height - 2 * PAGE_MARGIN_PT)).toFixed(2))
    })
  return { text, fills }
}

it('a method-5 meeting to the end: the report shows the outcome, downloads as Markdown, prints to PDF', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'warm-neutraal-koud',
    'Intervisie team Noord',
  )
  const bea = await person(facilitatorPath, 'Bea')
  const ina = await person(invitePath, 'Ina')
  const piet = await person(invitePath, 'Piet')
  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect
    .poll(() => ina.locator('.person-chip').textContent(), { timeout: 10_000 })
    .toContain('inbrenger')
  // Before the end, the report is the facilitator's and the inbrenger's, not the group's.
  expect(await piet.getByRole('button', { name: 'Verslag' }).count()).toBe(0)
  expect(await bea.getByRole('button', { name: 'Verslag' }).count()).toBe(1)

  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await write(ina, 'Mijn team overlegt niet meer')
  await next(bea, /Vragen formuleren/)
  // Each writes for themself (seed 004, method 5 step 2): sealed until the rating.
  await write(piet, 'Wat wil je zelf bereiken?')
  await write(piet, 'Wie heeft hier last van?')
  await draftsStored(bea, 'Piet', 2)
  expect(await notes(ina).filter({ hasText: 'Wat wil je zelf bereiken?' }).count()).toBe(0)
  await next(bea, /Vragen waarderen/)
  await mark(ina, 'Wat wil je zelf bereiken?', 'w')
  await mark(ina, 'Wie heeft hier last van?', 'k')
  await next(bea, /Vragen beantwoorden/)
  await next(bea, /Aanvullende vragen/)
  await next(bea, /Probleemdefinities door de groep/)
  await write(piet, 'Het team mist een gezamenlijk doel')
  // A long column, as a lively group writes it: on paper it runs on over the page.
  for (const definition of MORE_DEFINITIONS) await write(piet, definition)
  await next(bea, /Probleemdefinities waarderen/)
  await mark(ina, 'Het team mist een gezamenlijk doel', 'w')
  await next(bea, /Probleemdefinitie van de inbrenger/)
  await write(ina, 'Hoe laat ik mijn team weer zelf beslissen?')
  await next(bea, /Advisering/)
  await write(piet, 'Plan een heidag')
  await write(piet, 'Vraag elk teamlid apart wat het nodig heeft')
  await next(bea, /Evaluatie/)
  // Bea makes the evaluation anonymous in the reports; Piet evaluates on the report page.
  await bea.getByRole('button', { name: 'Verslag' }).click()
  await bea
    .locator('.report-root')
    .getByLabel(/Evaluatie anoniem/)
    .check()
  await bea.locator('.report-root').getByRole('button', { name: 'Sluiten' }).click()
  await piet.getByRole('button', { name: 'Verslag' }).click({ timeout: 10_000 })
  const evaluation = piet.locator('.report-root')
  await evaluation.getByLabel('Hoe ging het proces?').fill('Goed gesprek, ook de koude vragen hielpen')
  await evaluation.getByLabel('Wat bracht het je?').fill('Een vraag die ik zelf ga stellen')
  await evaluation.getByRole('radio', { name: '4', exact: true }).check()
  await evaluation.getByRole('button', { name: 'Evaluatie op het bord zetten' }).click()
  await expect.poll(() => evaluation.getByRole('status').textContent()).toBe('Op het bord gezet')
  await evaluation.getByRole('button', { name: 'Sluiten' }).click()
  await expect
    .poll(() => notes(bea).filter({ hasText: 'Een vraag die ik zelf ga stellen' }).count(), {
      timeout: 10_000,
    })
    .toBe(1)

  // Ina chooses an advice and writes her SMART action on the report page.
  ina.on('pageerror', (error) => console.log(`page error: ${error.message}`))
  await ina.getByRole('button', { name: 'Verslag' }).click()
  const dialog = ina.locator('.report-root')
  await dialog.getByRole('radio', { name: /Vraag elk teamlid apart/ }).check()
  await expect
    .poll(() => dialog.getByTestId('report-chosen-advice').textContent())
    .toMatch(/Vraag elk teamlid/)
  for (const [field, text] of Object.entries(SMART))
    await dialog.getByLabel(new RegExp(`^${field}:`, 'i')).fill(text)
  await dialog.getByRole('button', { name: 'Actie bewaren' }).click()
  await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Bewaard')
  // Her reflection answers survive a reload (kept in her browser, and sealed on the server).
  await dialog.getByLabel('Welke inzichten heb je nu?').fill('REFLECTIE-5150 Ik neem te snel over')
  await ina.screenshot({ path: path.join(RESULTS_DIR, 'report-inbrenger-choices.png'), fullPage: true })
  await dialog.getByRole('button', { name: 'Sluiten' }).click()
  await ina.reload()
  await ina.locator('.tl-canvas').waitFor()
  await ina.getByRole('button', { name: 'Verslag' }).click()
  expect(await dialog.getByLabel('Welke inzichten heb je nu?').inputValue()).toBe(
    'REFLECTIE-5150 Ik neem te snel over',
  )
  await dialog.getByRole('button', { name: 'Sluiten' }).click()

  // The facilitator sees the choice arrive; then the meeting ends.
  await bea.getByRole('button', { name: 'Verslag' }).click()
  await expect
    .poll(() => bea.getByTestId('report-action').textContent(), { timeout: 5000 })
    .toContain('Voor 1 februari')
  await bea.locator('.report-root').getByRole('button', { name: 'Sluiten' }).click()
  await bea.getByRole('button', { name: 'Afronden' }).click()
  await bea.getByRole('button', { name: 'Ja, afronden' }).click()

  // Piet reaches the report from the board now, and it shows what was done.
  await piet.getByRole('button', { name: 'Verslag' }).click({ timeout: 5000 })
  const report = piet.getByTestId('report-summary')
  await expect.poll(() => report.textContent()).toContain('Stand')
  const part = (kind: string) => report.locator(`.report-part[data-part="${kind}"]`)
  expect(await part('case').textContent()).toContain('Mijn team overlegt niet meer')
  expect(await part('questions').locator('.report-mark-group[data-mark="W"]').textContent()).toContain(
    'Wat wil je zelf bereiken?',
  )
  expect(await part('questions').locator('.report-mark-group[data-mark="K"]').textContent()).toContain(
    'Wie heeft hier last van?',
  )
  expect(await part('questions').locator('.report-tally').textContent()).toBe(
    'Warm (W) 1 · Neutraal (N) 0 · Koud (K) 1',
  )
  expect(await part('definitions').textContent()).toContain('Het team mist een gezamenlijk doel')
  expect(await part('definition').textContent()).toContain('Hoe laat ik mijn team weer zelf beslissen?')
  expect(await part('advice').locator('.report-note[data-chosen]').textContent()).toMatch(
    /Vraag elk teamlid apart wat het nodig heeft — door Piet \(gekozen\)/,
  )
  expect(await report.getByTestId('report-chosen-advice').textContent()).toContain('Vraag elk teamlid apart')
  const action = await report.getByTestId('report-action').textContent()
  for (const text of Object.values(SMART)) expect(action).toContain(text)
  const evaluated = await part('evaluation').textContent()
  expect(evaluated).toContain('Goed gesprek, ook de koude vragen hielpen')
  expect(evaluated).toContain('Gemiddelde score: 4,0 / 5 (1 score)')
  expect(evaluated).toContain('Anoniem: zonder namen.')
  expect(evaluated).not.toContain('Piet')
  expect(await report.textContent()).toContain('afgerond')
  // A participant gets no choices and no reflection form.
  expect(await piet.getByRole('radio').count()).toBe(0)
  expect(await piet.getByText('Reflectieverslag').count()).toBe(0)

  // The summary as Markdown, as the browser downloads it.
  const [download] = await Promise.all([
    piet.waitForEvent('download'),
    piet.getByRole('button', { name: 'Verslag downloaden (.md)' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('intervisie-team-noord-verslag.md')
  const markdownPath = path.join(RESULTS_DIR, 'report-verslag.md')
  await download.saveAs(markdownPath)
  const markdown = readFileSync(markdownPath, 'utf8')
  expect(markdown).toMatch(/^# Verslag: Intervisie team Noord\n/)
  expect(markdown).toContain('- Vraag elk teamlid apart wat het nodig heeft — _door Piet_ **(gekozen)**')
  expect(markdown).toContain('- **Tijdgebonden:** Voor 1 februari')

  // Printed: only the report, to a PDF; its pages as PNGs to look at.
  await piet.emulateMedia({ media: 'print' })
  expect(await piet.locator('.tl-canvas').isVisible()).toBe(false)
  expect(await piet.getByRole('button', { name: 'Afdrukken of als pdf bewaren' }).isVisible()).toBe(false)
  // page.pdf() prints with print media unless told otherwise: back to the page's own.
  await piet.emulateMedia({ media: null })
  const nl = await printed(piet, 'Afdrukken of als pdf bewaren', 'report')
  expect(nl.text).toContain('Vraag elk teamlid apart wat het nodig heeft')
  expect(nl.text).toContain('Voor 1 februari')
  expect(nl.text).not.toContain('Notitie toevoegen')
  expect(nl.text).toContain('We vieren nooit wat wel lukt')
  // No half-empty pages: each page but the last is filled to its foot.
  expect(
    nl.fills.slice(0, -1).every((fill) => fill > 0.8),
    `page fills ${nl.fills}`,
  ).toBe(true)
  expect(nl.fills.length).toBeGreaterThan(1)

  // The same in English (the report covers the language toggle: closed and opened again).
  await piet.locator('.report-root').getByRole('button', { name: 'Sluiten' }).click()
  await piet.getByRole('button', { name: 'EN', exact: true }).click()
  await piet.getByRole('button', { name: 'Report' }).click()
  const en = await printed(piet, 'Print or save as PDF', 'report-en')
  expect(en.text).toContain('Chosen advice')
  expect(
    en.fills.slice(0, -1).every((fill) => fill > 0.8),
    `page fills ${en.fills}`,
  ).toBe(true)
}, 420_000)
