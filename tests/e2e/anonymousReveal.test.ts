import { readFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardRecords } from '../../server/src/board/boardRecords'
import { SERVER_CLAIM } from '../../server/src/storage/clientClaimStore'
import { applySnapshot, snapshotParts } from '../../server/src/storage/snapshotChunks'
import type { BoardRecord } from '../../shared/boardRecords'
import { parseFieldKey } from '../../shared/recordLayout'
import { meetingRoomId } from '../../shared/wire'
import { DB_FILE } from '../helpers/inProcessServer'
import { decryptStored } from '../helpers/throughKeys'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'

/**
 * "Anoniem onthullen" in real browsers (G1, step 3 to 4): three people type their notes in the
 * private zone through the editor (tldraw stamps each typist on the note as its last editor), the
 * begeleider ticks the box and reveals, then one author changes her note. No name is linked to any of
 * the notes: not on a note or in the notes list on anyone's screen, not in the board as SVG or
 * PNG, not in the report, not in the room as the server stores it, and no presence frame anyone
 * receives (or the begeleider sends) points at one of them.
 */
const e2e = serverAndBrowserForFile()
/** Names no other text on the page contains, so any occurrence is the person. */
const NAMES = ['Annemiek', 'Barend', 'Cornelis']
const marker = (name: string) => `ANONIEM-${name.slice(0, 3).toUpperCase()}-5530`

interface Person {
  page: Page
  /** Frames this page received and sent on its WebSockets, as text. */
  received: () => string
  sent: () => string
}

async function person(link: string, name: string): Promise<Person> {
  const page = await joinAs(e2e, link, name)
  const received: string[] = []
  const sent: string[] = []
  const text = (payload: string | Buffer) =>
    typeof payload === 'string' ? payload : payload.toString('latin1')
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => received.push(text(payload)))
    ws.on('framesent', ({ payload }) => sent.push(text(payload)))
  })
  // Frames from before the listener: the page reloads once so every frame is recorded.
  await page.reload()
  await page.locator('.tl-canvas').waitFor()
  return { page, received: () => received.join(''), sent: () => sent.join('') }
}

const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')

async function writeNote(page: Page, text: string): Promise<void> {
  const box = (await page.locator('.zone-overlay[data-zone="wat-speelt-er"]').boundingBox())!
  await placeNoteWithTool(page, { x: box.x + box.width / 3 + Math.random() * 40, y: box.y + box.height / 2 })
  await writeInNote(page, text, { keystrokes: true })
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

/** The room as the server stored it: snapshot and later updates from SQLite, as live records. */
function storedRecords(roomId: string): Map<string, BoardRecord> {
  const db = new Database(DB_FILE(e2e.server.dataDir), { readonly: true })
  try {
    const doc = new Y.Doc()
    const snapshot = db.prepare('SELECT data FROM room_snapshot WHERE room_id = ?').get(roomId) as
      | { data: Buffer }
      | undefined
    // Decrypted with the room's key: what the server loads.
    if (snapshot) applySnapshot(doc, decryptStored(e2e.server.dataDir, roomId, snapshot.data), null)
    const updates = db
      .prepare('SELECT data FROM room_update WHERE room_id = ? ORDER BY seq')
      .all(roomId) as Array<{ data: Buffer }>
    for (const { data } of updates) Y.applyUpdate(doc, decryptStored(e2e.server.dataDir, roomId, data))
    return readBoardRecords(doc)
  } finally {
    db.close()
  }
}

/** The Yjs client ids the browsers in a room wrote with (the server's claims table, not its own). */
function browserClientIds(roomId: string): Set<number> {
  const db = new Database(DB_FILE(e2e.server.dataDir), { readonly: true })
  try {
    const rows = db
      .prepare('SELECT client_id, owner FROM room_client_claim WHERE room_id = ?')
      .all(roomId) as Array<{ client_id: number; owner: string }>
    return new Set(rows.filter((r) => r.owner !== SERVER_CLAIM).map((r) => r.client_id))
  } finally {
    db.close()
  }
}

/**
 * The client id of every stored item that holds an entry of one of `keys` (a base in the records
 * array, or a field entry `<id>@...`, recordLayout.ts), as Yjs decodes them.
 */
function storedWriters(roomId: string, keys: ReadonlySet<string>): number[] {
  const db = new Database(DB_FILE(e2e.server.dataDir), { readonly: true })
  try {
    const rows = [
      ...(db.prepare('SELECT data FROM room_snapshot WHERE room_id = ?').all(roomId) as Array<{
        data: Buffer
      }>),
      ...(db.prepare('SELECT data FROM room_update WHERE room_id = ?').all(roomId) as Array<{
        data: Buffer
      }>),
    ]
    const writers: number[] = []
    for (const { data } of rows) {
      const plain = decryptStored(e2e.server.dataDir, roomId, data)
      const structs = snapshotParts(new Uint8Array(plain)).flatMap((part) => Y.decodeUpdate(part).structs)
      for (const struct of structs) {
        if (!(struct instanceof Y.Item)) continue
        const field = struct.parentSub === null ? null : parseFieldKey(struct.parentSub)
        const values = struct.content.getContent() as Array<{ key?: unknown }>
        if (
          (field && keys.has(field.id)) ||
          values.some((v) => typeof v?.key === 'string' && keys.has(v.key))
        )
          writers.push(struct.id.client)
      }
    }
    return writers
  } finally {
    db.close()
  }
}

/** Saves what the browser downloads when `button` is clicked; returns its text. */
async function download(page: Page, button: string, saveAs: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: button }).click(),
  ])
  const target = path.join(RESULTS_DIR, saveAs)
  await file.saveAs(target)
  return readFileSync(target)
}

/**
 * Every text on the page that holds a name and sits within three levels of an element that also
 * holds a revealed note's text: a name shown with, under or next to the note.
 */
function namesNearNotes(page: Page): Promise<string[]> {
  return page.evaluate((names) => {
    const hits: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      if (!names.some((name) => node.textContent?.includes(name))) continue
      let element = node.parentElement
      for (let level = 0; level < 3 && element; level++, element = element.parentElement) {
        if (element.textContent?.includes('ANONIEM-')) {
          hits.push(element.outerHTML.slice(0, 300))
          break
        }
      }
    }
    return hits
  }, NAMES)
}

function expectNoName(text: string, where: string): void {
  for (const name of NAMES) expect(text.includes(name), `${name} in ${where}`).toBe(false)
}

it('an anonymous reveal links no note to a name: screens, export, report, storage, presence', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'intervisie-8-stappen',
    'Team Anoniem',
  )
  const bea = await person(facilitatorPath, 'Bea')
  const people: Person[] = []
  for (const name of NAMES) people.push(await person(invitePath, name))
  const everyone = [bea, ...people]

  await bea.page.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.page.getByLabel('Ga naar fase').selectOption('ieder-voor-zich')
  for (const [i, name] of NAMES.entries()) {
    const page = people[i]!.page
    await expect
      .poll(() => page.locator('.zone-overlay[data-zone="wat-speelt-er"]').getAttribute('data-state'))
      .toBe('open')
    await writeNote(page, marker(name))
  }
  // Each sealed draft is on the server before the reveal (the begeleider sees a count, no text).
  const panel = bea.page.getByRole('region', { name: 'Wie schrijft er' })
  await expect.poll(() => panel.getByText('1 notitie(s)').count(), { timeout: 10_000 }).toBe(NAMES.length)
  // The box shows the server's setting: it is ticked once the server has it.
  const anonymous = bea.page.getByLabel('Anoniem onthullen (zonder namen)')
  await anonymous.click()
  await expect.poll(() => anonymous.isChecked(), { timeout: 10_000 }).toBe(true)
  await bea.page.getByRole('button', { name: /Volgende fase/ }).click()
  for (const { page } of everyone) {
    await expect
      .poll(
        () =>
          notes(page)
            .filter({ hasText: /ANONIEM-/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(NAMES.length)
  }

  // The author changes her own note: the new seal goes through the server, which writes it
  // itself (her browser's Yjs client id is tied to her by presence). The begeleider selects it.
  const author = people[0]!.page
  const edited = notes(author).filter({ hasText: marker(NAMES[0]!) })
  await edited.dblclick()
  await author.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable)
  await author.keyboard.press('End')
  await author.keyboard.insertText(' (aangevuld)')
  await author.keyboard.press('Escape')
  for (const { page } of everyone) {
    await expect
      .poll(() => notes(page).filter({ hasText: '(aangevuld)' }).count(), { timeout: 10_000 })
      .toBe(1)
  }
  expect(await author.getByText(/Teruggegeven|teruggegeven/).count()).toBe(0)
  await notes(bea.page).filter({ hasText: '(aangevuld)' }).click()
  // A presence round later (cursor moves are sent at most every 50 ms): the selection is out.
  await bea.page.mouse.move(200, 200)
  await bea.page.mouse.move(220, 210)
  await expect.poll(() => bea.sent().includes('selectedShapeIds'), { timeout: 5000 }).toBe(true)

  // Every screen: no name on a note (tldraw's attribution line), none in the notes list by them.
  for (const [i, { page }] of everyone.entries()) {
    expect(await page.locator('.tl-note__attribution').count()).toBe(0)
    for (const text of await notes(page).allTextContents()) expectNoName(text, `a note on screen ${i}`)
    const items = page.locator('.note-item').filter({ hasText: /ANONIEM-/ })
    for (const text of await items.allTextContents()) expectNoName(text, `the notes list on screen ${i}`)
    // Anywhere on the page: no name close to a revealed note's text (within a few levels).
    expect(await namesNearNotes(page), `screen ${i}`).toEqual([])
    await page.screenshot({ path: path.join(RESULTS_DIR, `anonymous-reveal-${i}.png`) })
  }

  // The stored room: the revealed notes name nobody (no author, pair or last editor), and no
  // item that holds one of them was written by a browser (by a client id someone claimed).
  const meetingId = new URL(e2e.server.url + facilitatorPath).pathname.split('/').pop()!
  const roomId = meetingRoomId(meetingId)
  const stored = [...storedRecords(roomId).values()].filter(
    (r) => r.typeName === 'shape' && r.meta?.anonymous === true,
  )
  expect(stored.length).toBe(NAMES.length)
  for (const record of stored) {
    expect(record.meta?.authorId).toBeUndefined()
    expect(record.meta?.groupId).toBeUndefined()
    expect(record.props?.textLastEditedBy).toBeNull()
  }
  const claimed = browserClientIds(roomId)
  expect(claimed.size).toBeGreaterThan(0)
  const writers = storedWriters(roomId, new Set(stored.map((r) => r.id)))
  // The reveal's item (all three at once) and the server's item for the changed note, at least.
  expect(writers.length).toBeGreaterThanOrEqual(2)
  expect(writers.filter((client) => claimed.has(client))).toEqual([])

  // Presence: no frame anyone received, nor any the begeleider sent, selects one of them.
  for (const record of stored) {
    const selecting = new RegExp(`selectedShapeIds":\\[[^\\]]*${record.id}`)
    for (const [i, { received }] of everyone.entries())
      expect(received(), `frames of ${i}`).not.toMatch(selecting)
    expect(bea.sent()).not.toMatch(selecting)
  }

  // The board as SVG and PNG, and the report (on screen and as Markdown).
  await bea.page.getByRole('button', { name: 'Verslag' }).click()
  const report = bea.page.locator('.report-root')
  await report.getByRole('group', { name: 'Bord als afbeelding' }).waitFor()
  const svg = (await download(bea.page, 'Bord als afbeelding: SVG', 'anonymous-reveal.svg')).toString('utf8')
  for (const name of NAMES) expect(svg).toContain(marker(name))
  expectNoName(svg, 'the SVG')
  expect(svg).not.toContain('tl-note__attribution')
  const png = await download(bea.page, 'Bord als afbeelding: PNG', 'anonymous-reveal.png')
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  const revealed = report.locator('.report-part, li, p').filter({ hasText: /ANONIEM-/ })
  expect(await revealed.count()).toBeGreaterThan(0)
  for (const text of await revealed.allTextContents()) expectNoName(text, 'the report')
  const markdown = (await download(bea.page, 'Verslag downloaden (.md)', 'anonymous-reveal.md')).toString(
    'utf8',
  )
  for (const line of markdown.split('\n').filter((l) => l.includes('ANONIEM-')))
    expectNoName(line, 'the Markdown')
  await bea.page.screenshot({ path: path.join(RESULTS_DIR, 'anonymous-reveal-report.png') })
}, 300_000)
