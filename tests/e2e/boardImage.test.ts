import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { pngPixelRatio } from '../../client/src/report/boardImage/boardImageLayer'
import { cspViolations } from './helpers/browser'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { writeInNote } from './helpers/noteTool'
import { draftsStored } from './helpers/sealedDrafts'

/**
 * The board as an image (method 5, Warm-neutraal-koud), in the built app under its strict CSP:
 * participants write questions, the inbrenger rates them W, N and K, and the facilitator
 * downloads the board from the report page as SVG and as PNG. The SVG carries every zone title
 * and the marks (our layer, which tldraw's own export lacks); the PNG is a real picture at twice
 * the SVG's size, saved under test-results/ to look at.
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

/** Clicks a download button and saves what the browser downloads; returns its name and path. */
async function download(page: Page, button: string, saveAs: string): Promise<{ name: string; file: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: button }).click(),
  ])
  const target = path.join(RESULTS_DIR, saveAs)
  await file.saveAs(target)
  return { name: file.suggestedFilename(), file: target }
}

/** Width and height from a PNG's header (IHDR). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

const MARKS = {
  'Wat wil je zelf bereiken?': 'w',
  'Wie heeft hier last van?': 'k',
  'Wat heb je al geprobeerd?': 'n',
} as const

it('the facilitator downloads the rated board as SVG and PNG, with zone titles and marks', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'warm-neutraal-koud',
    'Intervisie team Noord',
  )
  const bea = await person(facilitatorPath, 'Bea')
  const ina = await person(invitePath, 'Ina')
  const piet = await person(invitePath, 'Piet')
  const sara = await person(invitePath, 'Sara')
  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect
    .poll(() => ina.locator('.person-chip').textContent(), { timeout: 10_000 })
    .toContain('inbrenger')

  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await write(ina, 'Mijn team overlegt niet meer')
  await next(bea, /Vragen formuleren/)
  for (const text of Object.keys(MARKS)) await write(piet, text)
  // Three questions each at most: Sara writes the one left unrated.
  await write(sara, 'Wat is je eigen aandeel?')
  // Each wrote for themself (method 5 step 2): on the board once the rating reveals them.
  await draftsStored(bea, 'Piet', Object.keys(MARKS).length)
  await draftsStored(bea, 'Sara', 1)
  await next(bea, /Vragen waarderen/)
  for (const [text, key] of Object.entries(MARKS)) await mark(ina, text, key)
  await expect.poll(() => bea.locator('.rating-badge').count(), { timeout: 10_000 }).toBe(4)

  await bea.getByRole('button', { name: 'Verslag' }).click()
  const dialog = bea.locator('.report-root')
  await dialog.getByRole('group', { name: 'Bord als afbeelding' }).waitFor()
  await bea.screenshot({ path: path.join(RESULTS_DIR, 'boardImage-report-toolbar.png') })

  // SVG: every zone's title and kind from our layer, each mark on its badge, the notes' text.
  const svg = await download(bea, 'Bord als afbeelding: SVG', 'boardImage-board.svg')
  expect(svg.name).toBe('intervisie-team-noord-bord.svg')
  const markup = readFileSync(svg.file, 'utf8')
  expect(markup.startsWith('<svg')).toBe(true)
  for (const [zoneId, title] of [
    ['casus', 'Vraag'],
    ['vragen', 'Vragen'],
    ['probleemdefinities', 'Probleemdefinities'],
    ['definitie-inbrenger', 'Mijn probleemdefinitie'],
    ['adviezen', 'Adviezen en suggesties'],
    ['evaluatie', 'Evaluatie'],
  ]) {
    expect(markup).toMatch(new RegExp(`data-zone-title="${zoneId}"[^>]*><tspan[^>]*>${title}</tspan>`))
  }
  expect(markup).toContain('> · flap</tspan>')
  const badges = [...markup.matchAll(/data-mark="([^"]*)" data-note="[^"]+">.*?>([^<]+)<\/text>/g)].map(
    ([, value, text]) => `${value}:${text}`,
  )
  expect(badges.sort()).toEqual([':?', 'K:K', 'N:N', 'W:W'])
  expect(markup).toMatch(/data-column="W" data-zone="vragen">.*?data-count="1"/)
  for (const text of [...Object.keys(MARKS), 'Mijn team overlegt niet meer']) expect(markup).toContain(text)
  // At 100% the notes' text is at least 14 px: tldraw's notes are 22 px at scale 1 or more.
  const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(markup)?.[1])
  const viewBoxWidth = Number(/^<svg[^>]*\sviewBox="[-\d.]+ [-\d.]+ ([\d.]+)/.exec(markup)?.[1])
  expect(width / viewBoxWidth).toBeGreaterThanOrEqual(1)

  // PNG: drawn in the browser, twice the SVG's size, or less for a board that would pass the
  // pixel limit (pngPixelRatio; a W/N/K board has room for 24 questions per column).
  const png = await download(bea, 'Bord als afbeelding: PNG', 'boardImage-board.png')
  expect(png.name).toBe('intervisie-team-noord-bord.png')
  const size = pngSize(readFileSync(png.file))
  const height = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(markup)?.[1])
  const ratio = pngPixelRatio({ bounds: { x: 0, y: 0, w: width, h: height }, scale: 1 })
  expect(ratio).toBeGreaterThanOrEqual(1)
  expect(size.width).toBeGreaterThanOrEqual(Math.floor(width * ratio) - 2)
  expect(size.width).toBeLessThanOrEqual(Math.ceil(width * ratio) + 2)
  expect(await dialog.getByRole('alert').count()).toBe(0)

  // In English (Ina's screen): the zone titles, kinds and marks in English words.
  await ina.getByRole('button', { name: 'EN', exact: true }).click()
  await ina.getByRole('button', { name: 'Report', exact: true }).click()
  const english = readFileSync(
    (await download(ina, 'Board as an image: SVG', 'boardImage-board-en.svg')).file,
    'utf8',
  )
  expect(english).toMatch(/data-zone-title="vragen"[^>]*><tspan[^>]*>Questions<\/tspan>/)
  expect(english).toContain('> · flip-over</tspan>')
  const englishBadges = [...english.matchAll(/data-mark="[^"]*" data-note="[^"]+">.*?>([^<]+)<\/text>/g)]
  expect(englishBadges.map(([, text]) => text).sort()).toEqual(['?', 'Cold', 'Neutral', 'Warm'])

  for (const page of [bea, ina]) expect(await cspViolations(page)).toEqual([])
}, 300_000)
