import { createRequire } from 'node:module'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile, VIEWPORT } from './helpers/harness'
import { createMeeting } from './helpers/meeting'

/**
 * axe-core (the npm package, injected into the page) on every screen a group passes through:
 * the front page, the new-meeting page, the join screen, the ground rules, and the board of
 * method 5 as participant, inbrenger and facilitator, and the report dialog over it, in Dutch and in
 * English. No violations.
 *
 * Scoped out, narrowly: tldraw's own canvas layers (`.tl-canvas`), whose shapes and SVG are
 * drawn by the library and not ours to fix; everything around them, tldraw's toolbars and menus
 * included, is checked.
 */
const e2e = serverAndBrowserForFile()
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const EXCLUDE = ['.tl-canvas']

interface Violation {
  id: string
  help: string
  nodes: Array<{ target: unknown[]; failureSummary?: string }>
}

async function openPage(): Promise<Page> {
  // The server's CSP allows no inline script; axe is a test tool injected from outside the app.
  const context = e2e.track(await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true }))
  return context.newPage()
}

/** The violations axe finds on the page as it is now (a compact list for the failure message). */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE })
  const found = (await page.evaluate(async (exclude) => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown }> } }
    ).axe
    const result = await axe.run({ exclude: exclude.map((s) => [s]) }, { resultTypes: ['violations'] })
    return result.violations
  }, EXCLUDE)) as Violation[]
  return found.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} @ ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
  )
}

async function join(link: string, name: string): Promise<Page> {
  const page = await openPage()
  await page.goto(e2e.server.url + link)
  await page.getByLabel(/naam zoals de groep/i).fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.locator('.tl-canvas').waitFor()
  return page
}

async function check(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(RESULTS_DIR, `a11y-${name}.png`) })
  expect(await violations(page), name).toEqual([])
}

it('the front page and the new-meeting page', async () => {
  const page = await openPage()
  await page.goto(e2e.server.url)
  await page.locator('h1').waitFor()
  await check(page, 'front')
  await page.goto(`${e2e.server.url}/nieuw`)
  await page.locator('h1').waitFor()
  await page.locator('input, select').first().waitFor()
  await check(page, 'new-meeting')
}, 60_000)

it('the join screen, the ground rules and the board as participant, inbrenger and facilitator', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'warm-neutraal-koud',
    'Wijkteam Noord',
  )

  const joining = await openPage()
  await joining.goto(e2e.server.url + invitePath)
  await joining.getByLabel(/naam zoals de groep/i).waitFor()
  await check(joining, 'join')
  await joining.close()

  const bea = await join(facilitatorPath, 'Bea')
  const ina = await join(invitePath, 'Ina')
  const piet = await join(invitePath, 'Piet')
  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect.poll(() => ina.locator('.person-chip').textContent()).toContain('inbrenger')

  // Before the start: the ground rules are on screen.
  await piet.getByText('Wat in de groep besproken wordt, blijft in de groep.').first().waitFor()
  await check(piet, 'ground-rules')

  // In the question round, then the rating.
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect
    .poll(() => piet.locator('.zone-overlay[data-zone="vragen"]').getAttribute('data-state'))
    .toBe('open')
  await check(piet, 'board-participant')
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => ina.locator('.phase-bar').textContent()).toMatch(/waarderen/i)
  await check(ina, 'board-inbrenger')
  await check(bea, 'board-facilitator')

  // The report dialog over the board: the inbrenger's (choices, reflection) and the facilitator's.
  await ina.getByRole('button', { name: 'Verslag' }).click()
  await ina.locator('.report-root').getByTestId('report-summary').waitFor()
  await check(ina, 'report-inbrenger')
  await bea.getByRole('button', { name: 'Verslag' }).click()
  await bea.locator('.report-root').getByTestId('report-summary').waitFor()
  await check(bea, 'report-facilitator')

  for (const page of [bea, ina])
    await page.locator('.report-root').getByRole('button', { name: 'Sluiten' }).click()

  // The same in English.
  for (const page of [bea, ina, piet]) await page.getByRole('button', { name: 'EN', exact: true }).click()
  await ina.getByRole('button', { name: 'Report' }).click()
  await ina.locator('.report-root').getByTestId('report-summary').waitFor()
  await check(ina, 'report-inbrenger-en')
  await ina.locator('.report-root').getByRole('button', { name: 'Close' }).click()
  await check(piet, 'board-participant-en')
  await check(bea, 'board-facilitator-en')
}, 120_000)
