import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'

/**
 * Method 6 (roddelmethode): while the group gossips, the inbrenger only listens; what she notes
 * for herself meanwhile is a sealed draft in her browser (issue 17), and reaches the group's
 * boards when she responds, opened with the meeting key.
 */
const e2e = serverAndBrowserForFile()
const MARKER = 'INA-HOORT-6613'
const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')

async function person(link: string, name: string): Promise<{ page: Page; received: () => string }> {
  const page = await joinAs(e2e, link, name)
  const frames: string[] = []
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) =>
      frames.push(typeof payload === 'string' ? payload : payload.toString('latin1')),
    ),
  )
  await page.reload()
  await page.locator('.tl-canvas').waitFor()
  return { page, received: () => frames.join('') }
}

it("keeps the inbrenger's own notes during the gossip in her browser until she responds", async () => {
  const { facilitatorPath, invitePath } = await createMeeting(e2e.server.url, 'roddelmethode', 'Team Zorg')
  const bea = await person(facilitatorPath, 'Bea')
  const ina = await person(invitePath, 'Ina')
  const anna = await person(invitePath, 'Anna')
  await bea.page.getByLabel('Rol van Ina').selectOption('inbrenger')
  await bea.page.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.page.getByLabel('Ga naar fase').selectOption('roddelen')

  const zone = ina.page.locator('.zone-overlay[data-zone="aantekeningen-inbrenger"]')
  await expect.poll(() => zone.getAttribute('data-state')).toBe('open')
  // Her zone sits under the private-writing bar at the bottom left: she scrolls the board up.
  await ina.page.mouse.move(500, 400)
  await ina.page.mouse.wheel(0, 400)
  await expect.poll(async () => (await zone.boundingBox())!.y).toBeLessThan(300)
  await ina.page.screenshot({ path: path.join(RESULTS_DIR, 'gossip-inbrenger-before.png') })
  const box = (await zone.boundingBox())!
  await placeNoteWithTool(ina.page, { x: box.x + box.width * 0.75, y: box.y + 60 })
  await writeInNote(ina.page, MARKER, { keystrokes: true })
  await ina.page.keyboard.press('Escape')
  await ina.page.keyboard.press('Escape')
  await expect.poll(() => notes(ina.page).filter({ hasText: MARKER }).count()).toBe(1)
  await ina.page.screenshot({ path: path.join(RESULTS_DIR, 'gossip-inbrenger-notes.png') })
  expect(await notes(anna.page).count()).toBe(0)
  for (const other of [bea, anna]) expect(other.received().includes(MARKER)).toBe(false)

  // Sealed and kept on the server for her (the bar says so), then the begeleider moves on.
  await expect
    .poll(() => ina.page.getByText('1 notitie(s) versleuteld bewaard').count(), { timeout: 10_000 })
    .toBe(1)
  await bea.page.getByRole('button', { name: /Volgende fase/ }).click()
  for (const { page } of [bea, anna])
    await expect.poll(() => notes(page).filter({ hasText: MARKER }).count(), { timeout: 10_000 }).toBe(1)
  await anna.page.screenshot({ path: path.join(RESULTS_DIR, 'gossip-inbrenger-revealed.png') })
  for (const other of [bea, anna]) expect(other.received().includes(MARKER)).toBe(false)
})
