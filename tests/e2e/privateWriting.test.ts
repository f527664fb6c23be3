import path from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'

/**
 * "Each writes for themself" (G1, step 3): what a participant writes while the zone is private
 * stays in their own browser — the others, the facilitator and the server never get it — until
 * the facilitator moves to the phase that reveals it; then it is on everyone's board.
 */
const e2e = serverAndBrowserForFile()

const person = (link: string, name: string) => joinAs(e2e, link, name)

async function writeNote(page: Page, zoneId: string, text: string): Promise<void> {
  await page.getByTestId('tools.note').click()
  const box = (await page.locator(`.zone-overlay[data-zone="${zoneId}"]`).boundingBox())!
  await page.mouse.click(box.x + box.width / 3 + Math.random() * 40, box.y + box.height / 2)
  await page.waitForTimeout(300)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

function storedBytes(): Buffer {
  const db = new Database(path.join(e2e.server.dataDir, 'intervisiebord.sqlite'), { readonly: true })
  const rows = db
    .prepare('SELECT data FROM room_update UNION ALL SELECT data FROM room_snapshot')
    .all() as Array<{
    data: Buffer
  }>
  db.close()
  return Buffer.concat(rows.map((r) => r.data))
}

const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')

it('keeps private writing in the author’s browser until the reveal, then shows it to all', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'intervisie-8-stappen',
    'Team Onderwijs',
  )
  const bea = await person(facilitatorPath, 'Bea')
  const dirk = await person(invitePath, 'Dirk')
  const eva = await person(invitePath, 'Eva')

  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByLabel('Ga naar fase').selectOption('ieder-voor-zich')
  await expect
    .poll(() => dirk.locator('.zone-overlay[data-zone="wat-speelt-er"]').getAttribute('data-state'))
    .toBe('open')

  await writeNote(dirk, 'wat-speelt-er', 'DIRK-PRIVE-1')
  await writeNote(eva, 'wat-speelt-er', 'EVA-PRIVE-2')
  await expect.poll(() => notes(dirk).count()).toBe(1)
  await expect.poll(() => notes(eva).count()).toBe(1)
  // A reload keeps the draft (it lives in this browser only).
  await dirk.reload()
  await dirk.locator('.tl-canvas').waitFor()
  await expect.poll(() => notes(dirk).count()).toBe(1)
  await dirk.waitForTimeout(800)
  // Nobody else has it: not Eva, not the facilitator, not the server's storage.
  expect(await notes(eva).count()).toBe(1)
  expect(await notes(bea).count()).toBe(0)
  expect(storedBytes().includes('DIRK-PRIVE-1')).toBe(false)
  expect(storedBytes().includes('EVA-PRIVE-2')).toBe(false)
  await dirk.screenshot({ path: path.join(RESULTS_DIR, 'private-writing-dirk.png') })

  // The reveal: everyone's notes are on everyone's board, and stored.
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  for (const page of [bea, dirk, eva]) await expect.poll(() => notes(page).count(), { timeout: 5000 }).toBe(2)
  await expect
    .poll(() => storedBytes().includes('DIRK-PRIVE-1') && storedBytes().includes('EVA-PRIVE-2'))
    .toBe(true)
  expect(e2e.server.output()).not.toContain('"msg":"refused update"')
  await bea.screenshot({ path: path.join(RESULTS_DIR, 'private-writing-revealed.png') })
}, 90_000)
