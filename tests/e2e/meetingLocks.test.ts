import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { cspViolations, foreignUrls } from './helpers/browser'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'

/**
 * Roles, phases and locks as people meet them (method 6, Roddelmethode): a facilitator, an
 * inbrenger and a participant in three browsers; the facilitator leads to the gossip phase, and
 * the inbrenger's page shows the gossip zone watch-only and cannot add a note there.
 */
const e2e = serverAndBrowserForFile()
const traffic: string[] = []

async function person(link: string, name: string): Promise<Page> {
  const page = await e2e.openPage(traffic)
  await page.goto(e2e.server.url + link)
  await page.getByLabel(/naam zoals de groep/i).fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.locator('.tl-canvas').waitFor()
  return page
}

const zone = (page: Page, id: string) => page.locator(`.zone-overlay[data-zone="${id}"]`)

/** A zone's part that is on the canvas (a phase view may show a tall zone only in part). */
async function visibleBox(page: Page, id: string) {
  const z = (await zone(page, id).boundingBox())!
  const c = (await page.locator('.tl-canvas').boundingBox())!
  const x = Math.max(z.x, c.x)
  const y = Math.max(z.y, c.y)
  return {
    x,
    y,
    width: Math.min(z.x + z.width, c.x + c.width) - x,
    height: Math.min(z.y + z.height, c.y + c.height) - y,
  }
}

it('the inbrenger only watches the gossip zone during gossip, on screen and on the server', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'roddelmethode',
    'Team Jeugdzorg',
  )

  const bea = await person(facilitatorPath, 'Bea')
  const ina = await person(invitePath, 'Ina')
  const piet = await person(invitePath, 'Piet')
  // The secret is gone from the address bar once traded for a session.
  expect(new URL(ina.url()).hash).toBe('')

  // The facilitator makes Ina the inbrenger; everyone sees it.
  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect.poll(() => ina.locator('.person-chip').textContent()).toContain('inbrenger')
  await expect.poll(() => piet.getByText(/Ina/).count()).toBeGreaterThan(0)

  // Ground rules first; then start and advance to the gossip phase.
  expect(
    await piet.getByText('Wat in de groep besproken wordt, blijft in de groep.').first().isVisible(),
  ).toBe(true)
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  // The facilitator notes the chosen case; everyone sees it.
  await bea.getByRole('button', { name: 'Casus noteren' }).click()
  await bea.getByLabel('Casus').fill('Ina twijfelt of ze een cliënt moet doorverwijzen')
  await bea.getByRole('button', { name: 'Vastleggen' }).click()
  await expect.poll(() => piet.locator('.chosen-case__text').textContent()).toContain('doorverwijzen')
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => zone(ina, 'roddelzone').getAttribute('data-state')).toBe('open')
  await bea.getByRole('button', { name: /Volgende fase/ }).click()

  // Everyone's phase bar follows; the zone is watch-only for Ina, open for Piet.
  await expect.poll(() => zone(ina, 'roddelzone').getAttribute('data-state'), { timeout: 5000 }).toBe('watch')
  await expect.poll(() => zone(piet, 'roddelzone').getAttribute('data-state')).toBe('open')
  expect(
    await ina.locator('.zone-overlay[data-zone="roddelzone"] .zone-overlay__badge').textContent(),
  ).toMatch(/Alleen kijken/)

  // One countdown for everyone: the server's clock, not each laptop's.
  const seconds = async (page: Page) => {
    const [m, sec] = ((await page.locator('.phase-timer__time').textContent()) ?? '').trim().split(':')
    return Number(m) * 60 + Number(sec)
  }
  const shown = await Promise.all([bea, ina, piet].map(seconds))
  expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(1)
  expect(Math.max(...shown)).toBeLessThanOrEqual(15 * 60)
  expect(Math.min(...shown)).toBeGreaterThan(14 * 60)

  // Ina tries to put a note in the gossip zone: the board says why and nothing is created.
  const notesBefore = await ina.locator('.tl-shape[data-shape-type="note"]').count()
  await ina.getByTestId('tools.note').click()
  const box = await visibleBox(ina, 'roddelzone')
  await ina.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect
    .poll(() => ina.locator('.notice[role="alert"]').textContent(), { timeout: 3000 })
    .toMatch(/alleen om te kijken/)
  await ina.waitForTimeout(500)
  expect(await ina.locator('.tl-shape[data-shape-type="note"]').count()).toBe(notesBefore)
  expect(await piet.locator('.tl-shape[data-shape-type="note"]').count()).toBe(0)
  // The client stopped it before sending: the server had nothing to refuse.
  expect(e2e.server.output()).not.toContain('"msg":"refused update"')

  // Piet can gossip there, and Ina sees it appear.
  const pbox = await visibleBox(piet, 'roddelzone')
  await placeNoteWithTool(piet, { x: pbox.x + pbox.width / 3, y: pbox.y + pbox.height / 2 })
  await writeInNote(piet, 'Misschien wil ze het iedereen naar de zin maken')
  await piet.keyboard.press('Escape')
  await expect.poll(() => ina.locator('.tl-shape[data-shape-type="note"]').count(), { timeout: 4000 }).toBe(1)

  await bea.screenshot({ path: path.join(RESULTS_DIR, 'meeting-facilitator.png') })
  await ina.screenshot({ path: path.join(RESULTS_DIR, 'meeting-inbrenger.png') })
  await piet.screenshot({ path: path.join(RESULTS_DIR, 'meeting-participant.png') })

  // After the meeting the facilitator erases it; the others are told, and the board is gone.
  // The confirmation offers the report and the export first: the last chance to keep them.
  await bea.getByRole('button', { name: 'Bijeenkomst wissen' }).click()
  const confirm = bea.getByRole('alertdialog')
  const [report] = await Promise.all([
    bea.waitForEvent('download'),
    confirm.getByRole('button', { name: 'Verslag downloaden (.md)' }).click(),
  ])
  expect(report.suggestedFilename()).toMatch(/-verslag\.md$/)
  const reportPath = path.join(RESULTS_DIR, 'erase-first-verslag.md')
  await report.saveAs(reportPath)
  expect(readFileSync(reportPath, 'utf8')).toContain('Misschien wil ze het iedereen naar de zin maken')
  const [exported] = await Promise.all([
    bea.waitForEvent('download'),
    confirm.getByRole('button', { name: 'Alles exporteren (JSON)' }).click(),
  ])
  expect(exported.suggestedFilename()).toMatch(/^intervisiebord-.*\.json$/)
  await bea.screenshot({ path: path.join(RESULTS_DIR, 'meeting-erase-confirm.png') })
  await bea.getByRole('button', { name: 'EN', exact: true }).click()
  await confirm.getByRole('button', { name: 'Download summary (.md)' }).waitFor()
  await bea.screenshot({ path: path.join(RESULTS_DIR, 'meeting-erase-confirm-en.png') })
  await bea.getByRole('button', { name: 'NL', exact: true }).click()
  await bea.getByRole('button', { name: 'Ja, alles wissen' }).click()
  await expect.poll(() => piet.locator('[role="alert"]').textContent(), { timeout: 4000 }).toMatch(/gewist/)
  await bea.waitForURL(`${e2e.server.url}/`)

  expect(foreignUrls(traffic, e2e.server.url)).toEqual([])
  for (const page of [bea, ina, piet]) expect(await cspViolations(page)).toEqual([])
}, 180_000)
