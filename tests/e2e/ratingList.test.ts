import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { cspViolations } from './helpers/browser'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'
import { draftsStored } from './helpers/sealedDrafts'

/**
 * Warm-neutraal-koud (method 5) with a facilitator, an inbrenger and two participants: the
 * participants write questions through the UI, the facilitator moves on to the rating phase, the
 * inbrenger marks every question from the notes list with the keyboard only, and the notes move
 * into the W/N/K columns. On every screen the list and the columns group the questions the same
 * way. A participant's list shows the marks but cannot give one; a drag into a column marks too.
 */
const e2e = serverAndBrowserForFile()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `rating-${name}.png`) })

const person = (link: string, name: string) => joinAs(e2e, link, name)

const QUESTIONS = {
  Piet: ['Wat wil je zelf bereiken?', 'Wie heeft hier last van?', 'Wat heb je al geprobeerd?'],
  Sara: ['Wat zegt je leidinggevende?', 'Wanneer ging het wel goed?', 'Wat maakt het voor jou lastig?'],
}
/** The mark the inbrenger gives each question, and the key she presses for it. */
const MARKS: Record<string, 'W' | 'N' | 'K'> = {
  'Wat wil je zelf bereiken?': 'W',
  'Wie heeft hier last van?': 'K',
  'Wat heb je al geprobeerd?': 'N',
  'Wat zegt je leidinggevende?': 'K',
  'Wanneer ging het wel goed?': 'W',
  'Wat maakt het voor jou lastig?': 'W',
}

/** Writes a question on a note in the questions zone, through the toolbar and the keyboard. */
async function addQuestion(page: Page, text: string, slot: number): Promise<void> {
  const zone = (await page.locator('.zone-overlay[data-zone="vragen"]').boundingBox())!
  const before = await page.locator('.tl-shape[data-shape-type="note"]').count()
  // Spread over the top of the zone (it is taller than the screen), clear of its header and of
  // the private-writing bar at the foot of the screen: three across, two down.
  const x = zone.x + zone.width * (0.2 + 0.3 * (slot % 3))
  const y = zone.y + Math.min(zone.height, 400) * (0.35 + 0.25 * Math.floor(slot / 3))
  await placeNoteWithTool(page, { x, y })
  await expect.poll(() => page.locator('.tl-shape[data-shape-type="note"]').count()).toBe(before + 1)
  await writeInNote(page, text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

/** The list's grouping on a page: per group (mark, or '' for not rated) the texts, sorted. */
async function listGroups(page: Page): Promise<Record<string, string[]>> {
  return page
    .locator('.notes-list .note-group')
    .evaluateAll((sections) =>
      Object.fromEntries(
        sections.map((s) => [
          s.getAttribute('data-mark') ?? '',
          [...s.querySelectorAll('.note-item__text')].map((p) => p.textContent ?? '').sort(),
        ]),
      ),
    )
}

/** The columns' grouping on a page: per column, the texts of the notes whose centre it holds. */
async function columnGroups(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const columns = [...document.querySelectorAll('.rating-columns[data-zone="vragen"] .rating-column')].map(
      (c) => ({ mark: c.getAttribute('data-mark') ?? '', box: c.getBoundingClientRect() }),
    )
    const groups: Record<string, string[]> = Object.fromEntries(columns.map((c) => [c.mark, []]))
    for (const note of document.querySelectorAll('.tl-shape[data-shape-type="note"]')) {
      const r = note.getBoundingClientRect()
      const cx = r.x + r.width / 2
      const column = columns.find((c) => cx >= c.box.left && cx < c.box.right)
      groups[column?.mark ?? 'outside']?.push(note.querySelector('.tl-rich-text')?.textContent?.trim() ?? '')
    }
    for (const texts of Object.values(groups)) texts.sort()
    return groups
  })
}

/** The badge letters on the canvas, per note text. */
async function badges(page: Page): Promise<string[]> {
  return page.locator('.rating-badge').allTextContents()
}

function expected(marks: Record<string, string>): Record<string, string[]> {
  const groups: Record<string, string[]> = { '': [], W: [], N: [], K: [] }
  for (const [text, mark] of Object.entries(marks)) groups[mark]!.push(text)
  for (const texts of Object.values(groups)) texts.sort()
  return groups
}

it('the inbrenger marks every question from the list by keyboard; list and columns agree everywhere', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'warm-neutraal-koud',
    'Intervisie team Noord',
  )
  const bea = await person(facilitatorPath, 'Bea')
  const ina = await person(invitePath, 'Ina')
  const piet = await person(invitePath, 'Piet')
  const sara = await person(invitePath, 'Sara')
  const everyone = [bea, ina, piet, sara]

  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect.poll(() => ina.locator('.person-chip').textContent()).toContain('inbrenger')
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect
    .poll(() => piet.locator('.zone-overlay[data-zone="vragen"]').getAttribute('data-state'))
    .toBe('open')

  // Questions through the UI, each for themself (seed 004, method 5 step 2): a writer's list
  // holds their own three, sealed; nobody else has them until the rating.
  for (const [i, text] of QUESTIONS.Piet.entries()) await addQuestion(piet, text, i)
  for (const [i, text] of QUESTIONS.Sara.entries()) await addQuestion(sara, text, i + 3)
  await draftsStored(bea, 'Piet', 3)
  await draftsStored(bea, 'Sara', 3)
  for (const page of [piet, sara]) expect(await page.locator('.notes-list .note-item').count()).toBe(3)
  for (const page of [bea, ina]) expect(await page.locator('.notes-list .note-item').count()).toBe(0)

  // The rating reveals them: the list beside the canvas fills on every screen.
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  for (const page of everyone) {
    await expect.poll(() => page.locator('.notes-list .note-item').count(), { timeout: 10_000 }).toBe(6)
  }
  const authors = await bea.locator('.note-item__author').allTextContents()
  expect(authors.filter((a) => a.includes('Piet'))).toHaveLength(3)
  expect(authors.filter((a) => a.includes('Sara'))).toHaveLength(3)
  // Revealed, every question stands under "Nog te waarderen", not under a mark.
  await expect
    .poll(() => columnGroups(piet))
    .toEqual(expected(Object.fromEntries(Object.keys(MARKS).map((q) => [q, '']))))
  await shot(piet, 'participant-questions')
  await expect.poll(() => ina.locator('.notes-list__howto').count(), { timeout: 5000 }).toBe(1)
  expect(await ina.locator('.notes-list__howto').textContent()).toMatch(/Kies per notitie W, N of K/)
  // Targets of at least 24 by 24 px.
  for (const box of await ina
    .locator('.mark-button')
    .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect()))) {
    expect(box.width).toBeGreaterThanOrEqual(24)
    expect(box.height).toBeGreaterThanOrEqual(24)
  }
  // A participant sees the list, but has no buttons and no keys that mark.
  expect(await piet.locator('.mark-button').count()).toBe(0)
  // The columns appear; every note still to rate says so, whatever column it stands in.
  for (const page of everyone) {
    await expect
      .poll(() => page.locator('.rating-columns[data-zone="vragen"] .rating-column').count())
      .toBe(4)
    await expect.poll(() => page.locator('.rating-badge--none').count()).toBe(6)
  }
  await shot(ina, 'inbrenger-before')

  // Keyboard only: Tab until a note of the list has focus.
  const focusedNote = () =>
    ina.evaluate(() => {
      const el = document.activeElement
      return el?.classList.contains('note-item')
        ? (el.querySelector('.note-item__text')?.textContent ?? '')
        : null
    })
  for (let i = 0; i < 120 && (await focusedNote()) === null; i++) await ina.keyboard.press('Tab')
  expect(await focusedNote()).not.toBeNull()
  // The arrows move between notes.
  const first = await focusedNote()
  await ina.keyboard.press('ArrowDown')
  expect(await focusedNote()).not.toBe(first)
  await ina.keyboard.press('ArrowUp')
  expect(await focusedNote()).toBe(first)

  // Each key marks the focused note; focus goes on to the next note still waiting. One note is
  // marked through its buttons instead: Tab to them, Enter.
  const keyFor = { W: 'w', N: 'n', K: 'k' } as const
  const viaButtons = 'Wat heb je al geprobeerd?'
  for (let n = 0; n < 6; n++) {
    const text = (await focusedNote())!
    expect(Object.keys(MARKS)).toContain(text)
    const mark = MARKS[text]!
    if (text === viaButtons) {
      const order = ['W', 'N', 'K'].indexOf(mark)
      for (let i = 0; i <= order; i++) await ina.keyboard.press('Tab')
      await ina.keyboard.press('Enter')
    } else {
      await ina.keyboard.press(keyFor[mark])
    }
    await expect
      .poll(() => ina.locator(`.note-group[data-mark="${mark}"] .note-item__text`).allTextContents())
      .toContain(text)
    if (n < 5) await expect.poll(focusedNote).not.toBe(text)
  }
  expect(await ina.locator('.note-group[data-mark=""] .note-item').count()).toBe(0)

  // On every screen: the same groups in the list and in the columns, and a badge on each note.
  // The whole board in view: a column can be taller and wider than the screen at reading size,
  // and tldraw does not draw notes outside the view.
  const want = expected(MARKS)
  for (const page of everyone) await page.getByRole('button', { name: 'Hele bord' }).click()
  for (const page of everyone) {
    await expect.poll(() => listGroups(page), { timeout: 5000 }).toEqual(want)
    await expect.poll(() => columnGroups(page), { timeout: 5000 }).toEqual(want)
    expect((await badges(page)).sort()).toEqual(['K', 'K', 'N', 'W', 'W', 'W'])
    expect(
      await page
        .locator('.rating-columns[data-zone="vragen"] .rating-column[data-mark="W"] .rating-column__count')
        .textContent(),
    ).toBe('3')
  }
  // The refused path stayed closed: no refusals on the server.
  expect(e2e.server.output()).not.toContain('"msg":"refused update"')
  await shot(ina, 'inbrenger-marked')
  await shot(bea, 'facilitator-marked')
  await shot(piet, 'participant-marked')
  await shot(sara, 'participant2-marked')

  // A participant pressing a mark key on a focused note changes nothing.
  await piet.locator('.note-group[data-mark="W"] .note-item').first().focus()
  await piet.keyboard.press('k')
  await piet.waitForTimeout(300)
  expect(await listGroups(bea)).toEqual(want)

  // Dragging a note from the Koud column into the Neutraal column marks it neutral, for everyone.
  const moved = 'Wie heeft hier last van?'
  const noteBox = (await ina.locator('.tl-shape[data-shape-type="note"]', { hasText: moved }).boundingBox())!
  const targetBox = (await ina
    .locator('.rating-columns[data-zone="vragen"] .rating-column[data-mark="N"]')
    .boundingBox())!
  await ina.mouse.move(noteBox.x + noteBox.width / 2, noteBox.y + noteBox.height / 2)
  await ina.mouse.down()
  const steps = 12
  for (let i = 1; i <= steps; i++) {
    const tx = targetBox.x + targetBox.width / 2
    const ty = targetBox.y + targetBox.height * 0.8
    const sx = noteBox.x + noteBox.width / 2
    const sy = noteBox.y + noteBox.height / 2
    await ina.mouse.move(sx + ((tx - sx) * i) / steps, sy + ((ty - sy) * i) / steps)
  }
  await ina.mouse.up()
  const afterDrag = expected({ ...MARKS, [moved]: 'N' })
  for (const page of everyone) {
    await expect.poll(() => listGroups(page), { timeout: 5000 }).toEqual(afterDrag)
    await expect.poll(() => columnGroups(page), { timeout: 5000 }).toEqual(afterDrag)
  }

  // In English the marks read Warm, Neutral, Cold; the stored value stays the same.
  await piet.getByRole('button', { name: 'EN', exact: true }).click()
  await expect
    .poll(() => badges(piet).then((b) => b.sort()))
    .toEqual(['Cold', 'Neutral', 'Neutral', 'Warm', 'Warm', 'Warm'])
  expect(await piet.locator('.note-group[data-mark="K"] .note-group__name').textContent()).toBe('Cold')
  expect(await listGroups(bea)).toEqual(afterDrag)
  await shot(piet, 'participant-english')

  // A tablet: the list folds away and comes back.
  await ina.setViewportSize({ width: 1024, height: 768 })
  await ina.waitForTimeout(300)
  await shot(ina, 'inbrenger-1024')

  for (const page of everyone) expect(await cspViolations(page)).toEqual([])
}, 240_000)
