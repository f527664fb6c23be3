import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { WebSocket as NodeWebSocket } from 'ws'
import { openRoom } from '../../client/src/collab/roomConnection'
import { TEST_IMPORT_CODE } from '../helpers/testServerEnv'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool } from './helpers/noteTool'

/**
 * A board's life cycle in the browser: erasing a free board (with its confirmation, the screen
 * that says it is gone, for whoever else has it open too) and the facilitator's Bewaren section.
 * Run `npx vite build` first.
 */
const e2e = serverAndBrowserForFile()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `lifecycle-${name}.png`) })

async function openBoard(url: string, name: string): Promise<Page> {
  const page = await e2e.openPage()
  await page.goto(url)
  const dialog = page.getByRole('dialog', { name: 'Hoe heet je?' })
  await dialog.getByLabel('Je naam').fill(name)
  await dialog.getByRole('button', { name: 'Naar het bord' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.locator('.connection', { hasText: 'Verbonden' }).waitFor({ timeout: 10_000 })
  return page
}

/** The notes the server holds for a room, read by a stock client. */
async function notesOnServer(roomId: string): Promise<number> {
  const observer = openRoom({
    roomId,
    serverUrl: `ws://127.0.0.1:${e2e.server.port}/yjs`,
    WebSocketPolyfill: NodeWebSocket as unknown as typeof WebSocket,
  })
  try {
    await observer.firstSync
    return [...observer.records.map.values()].filter(({ val }) => (val as { type?: string }).type === 'note')
      .length
  } finally {
    observer.destroy()
  }
}

describe('life cycle', () => {
  it('erases a free board for everyone after a confirmation, and says so', async () => {
    const roomId = randomBytes(16).toString('base64url')
    const url = `${e2e.server.url}/b/${roomId}`
    const anna = await openBoard(url, 'Anna')
    const bram = await openBoard(url, 'Bram')

    await placeNoteWithTool(anna, { x: 520, y: 360 })
    await anna.keyboard.type('Weg ermee')
    await bram.locator('.tl-shape', { hasText: 'Weg ermee' }).waitFor({ timeout: 5000 })
    await anna.keyboard.press('Escape')
    expect(await notesOnServer(roomId)).toBe(1)
    await shot(anna, '0-board')

    await anna.getByRole('button', { name: 'Dit bord wissen' }).click()
    const confirm = anna.getByRole('alertdialog')
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain('voorgoed')
    await shot(anna, '1-confirm')
    // Changing one's mind leaves the board as it was.
    await confirm.getByRole('button', { name: 'Niet wissen' }).click()
    await confirm.waitFor({ state: 'detached' })
    expect(await notesOnServer(roomId)).toBe(1)

    await anna.getByRole('button', { name: 'Dit bord wissen' }).click()
    await anna.getByRole('button', { name: 'Ja, bord wissen' }).click()
    await anna.getByRole('heading', { name: 'Dit bord is gewist' }).waitFor()
    await shot(anna, '2-erased-here')
    // Bram, who had it open, is told too, and his screen holds nothing of it any more.
    await bram.getByRole('heading', { name: 'Dit bord is gewist' }).waitFor({ timeout: 5000 })
    expect(await bram.getByRole('alert').textContent()).toContain('Iemand met de link')
    expect(await bram.locator('.tl-shape').count()).toBe(0)
    await shot(bram, '3-erased-elsewhere')
    // The server holds nothing: opening the link again gives an empty board.
    expect(await notesOnServer(roomId)).toBe(0)
  })

  it('shows the facilitator until when the meeting is kept, and lets them change the days', async () => {
    const links = await createMeeting(e2e.server.url, 'roddelmethode', 'Bewaarproef')
    const bea = await joinAs(e2e, links.facilitatorPath, 'Bea')
    const section = bea.getByRole('region', { name: 'Bewaren' })
    await section.getByText(/^Bewaard tot /).waitFor()
    const field = section.getByLabel(/Aantal dagen/)
    expect(await field.inputValue()).toBe('30')
    await field.fill('60')
    await section.getByRole('button', { name: 'Opslaan' }).click()
    await section.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor()
    const in60 = new Date(Date.now() + 60 * 24 * 3600_000).toLocaleDateString('nl-NL', { dateStyle: 'long' })
    expect(await section.getByText(/^Bewaard tot /).textContent()).toBe(`Bewaard tot ${in60}`)
    // Beyond the operator's maximum: the server's reason, in Dutch.
    await field.fill('4000')
    await section.getByRole('button', { name: 'Opslaan' }).click()
    await section.getByRole('alert').filter({ hasText: 'Kies 1 tot 365 dagen.' }).waitFor()
    await section.scrollIntoViewIfNeeded()
    await shot(bea, '4-keeping')
    const download = bea.waitForEvent('download')
    await section.getByRole('button', { name: 'Alles exporteren (JSON)' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^intervisiebord-\d{4}-\d{2}-\d{2}\.json$/)

    // The file imported again (as on another server): a new meeting with new links.
    const saved = path.join(RESULTS_DIR, 'lifecycle-export.json')
    await file.saveAs(saved)
    const importer = await e2e.openPage()
    await importer.goto(`${e2e.server.url}/nieuw`)
    await importer.getByText('Bijeenkomsten of een groep importeren uit een exportbestand').click()
    await shot(importer, '5-import-open')
    // Imports need this server's import code (IMPORT_TOKEN): a wrong one is refused, in Dutch.
    const code = importer.getByLabel('Importcode (van de beheerder van deze server)')
    await code.fill('niet-de-goede-code-123')
    await importer.getByLabel('Exportbestand (JSON)').setInputFiles(saved)
    await importer.getByRole('alert').filter({ hasText: 'Deze importcode klopt niet' }).waitFor()
    await shot(importer, '5b-import-wrong-code')
    await code.fill(TEST_IMPORT_CODE)
    await importer.getByLabel('Exportbestand (JSON)').setInputFiles(saved)
    await importer.getByRole('heading', { name: 'Geïmporteerd' }).waitFor()
    await importer.getByRole('heading', { name: 'Bewaarproef' }).waitFor()
    const meetingIdOf = (url: string) => new URL(url).pathname.split('/').pop()!
    const newLink = await importer.locator('[data-link="facilitator"]').inputValue()
    expect(newLink).toMatch(/\/m\/[A-Za-z0-9_-]{22}#begeleider=/)
    expect(newLink).not.toContain(meetingIdOf(bea.url()))
    await shot(importer, '6-imported')
    // A file that is not an export is refused with the reason, in Dutch.
    await importer.goto(`${e2e.server.url}/nieuw`)
    await importer.getByText('Bijeenkomsten of een groep importeren uit een exportbestand').click()
    await importer.getByLabel('Importcode (van de beheerder van deze server)').fill(TEST_IMPORT_CODE)
    await importer.getByLabel('Exportbestand (JSON)').setInputFiles({
      name: 'kapot.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"intervisiebord-export","version":1,"exportedAt":0,"meetings":[]}'),
    })
    await importer
      .getByRole('alert')
      .filter({ hasText: 'Dit exportbestand klopt niet bij “meetings”' })
      .waitFor()
    await shot(importer, '7-import-refused')
  })
})
