import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import { DB_FILE } from '../helpers/inProcessServer'
import { ResettingClient } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'
import { writeRecordsIntoStorage } from '../helpers/storedRecords'
import { undrawableRecords } from '../helpers/undrawableRecords'
import { eventually } from '../helpers/yjsClient'
import { builtinTemplates } from '../templates/support'
import { launchBrowser } from './helpers/browser'
import { RESULTS_DIR, VIEWPORT } from './helpers/harness'
import { createMeeting } from './helpers/meeting'

/**
 * A board that holds records the editor cannot draw (written into storage directly, as old data
 * or another version could have left them) still loads for everyone: each such record is a
 * placeholder box, the rest of the board is there, and the begeleider removes the boxes, after
 * which nobody has the records. Before, every browser showed tldraw's "Something went wrong".
 */
let server: ServerProcess
let browser: Browser
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await browser?.close()
  await server?.stop()
})

async function person(link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
  await page.goto(server.url + link)
  await page.getByLabel(/naam zoals de groep/i).fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.locator('.tl-canvas').waitFor()
  return page
}

const PLACEHOLDER = 'Dit element kan niet worden getoond'

it('a board with undrawable records in storage loads with placeholders, and the begeleider removes them', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(server.url, 'roddelmethode', 'Team Wijkzorg')
  const meetingId = facilitatorPath.match(/^\/m\/([^/#?]+)/)![1]!
  const roomId = `m-${meetingId}`

  // Three records that each took the canvas down, and one honest note, in the case zone.
  const casus = zoneRect(builtinTemplates().get('roddelmethode')!, 'casus')
  const spot = (dx: number, dy: number) => ({ x: casus.x + dx, y: casus.y + dy })
  const broken = undrawableRecords('old', spot(0, 0), 'oud-lid', 'OUDE-TEKST')
  const pick = (name: string, id: string, at: { x: number; y: number }): BoardRecord => ({
    ...broken.find((u) => u.name === name)!.record,
    id,
    ...at,
  })
  const stored = [
    pick('unknown mark', 'shape:old-mark', spot(30, 60)),
    pick('zero-length arrow', 'shape:old-arrow', spot(340, 60)),
    pick('1e300-sized geo', 'shape:old-huge', spot(30, 240)),
  ]
  const honest = noteRecord({
    id: 'shape:old-honest',
    ...spot(340, 240),
    authorId: 'oud-lid',
    text: 'Gewone notitie',
  })
  // Beside them: a binding from the broken arrow to the honest note (an arrow binding on a box that
  // is not an arrow would crash), and a record of a kind this version does not know.
  const binding = {
    id: 'binding:old',
    typeName: 'binding',
    type: 'arrow',
    fromId: 'shape:old-arrow',
    toId: honest.id,
    meta: {},
    props: {
      terminal: 'end',
      normalizedAnchor: { x: 0.5, y: 0.5 },
      isExact: false,
      isPrecise: false,
      snap: 'none',
    },
  }
  const unknownKind = { id: 'sticker:old', typeName: 'sticker', meta: {} }
  await server.stop({ keepData: true })
  writeRecordsIntoStorage(DB_FILE(server.dataDir), roomId, [...stored, honest, binding, unknownKind])
  server = await startServerProcess({ dataDir: server.dataDir })

  const bea = await person(facilitatorPath, 'Bea')
  const piet = await person(invitePath, 'Piet')
  for (const page of [bea, piet]) {
    await expect
      .poll(() => page.locator('.tl-canvas').getByText(PLACEHOLDER).count(), { timeout: 10_000 })
      .toBe(3)
    // The rest of the board is there, legible: the honest note is written as the server's own case
    // notes and tldraw 2 wrote them (fontSizeAdjustment 0, which tldraw 5 draws as text of size 0).
    await expect.poll(() => page.locator('.tl-canvas').getByText('Gewone notitie').isVisible()).toBe(true)
    expect(await page.locator('.tl-error-boundary').count()).toBe(0)
  }
  // The ground rules cover the board until the begeleider starts the meeting.
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await expect.poll(() => piet.getByRole('button', { name: /Volgende fase/ }).count()).toBe(0)
  await piet.getByText('Wat in de groep besproken wordt').waitFor({ state: 'hidden' })
  await piet.screenshot({ path: path.join(RESULTS_DIR, 'undrawable-placeholders.png') })

  // The room still holds the originals: no browser wrote its placeholder over them.
  const secret = new URLSearchParams(invitePath.split('#')[1]).get('uitnodiging')!
  const joined = await fetch(`${server.url}/api/meetings/${meetingId}/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ secret, name: 'Controle' }),
  })
  const { token } = (await joined.json()) as { token: string }
  const watcher = new ResettingClient(server.url, roomId, token)
  clients.push(watcher)
  await watcher.synced()
  for (const record of stored) expect(watcher.current.kv.get(record.id)).toEqual(record)

  // Bea selects each box and deletes it.
  for (let i = 0; i < stored.length; i++) {
    await bea.locator('.tl-canvas').getByText(PLACEHOLDER).first().click()
    await bea.keyboard.press('Delete')
    await expect
      .poll(() => bea.locator('.tl-canvas').getByText(PLACEHOLDER).count())
      .toBe(stored.length - 1 - i)
  }
  await expect
    .poll(() => piet.locator('.tl-canvas').getByText(PLACEHOLDER).count(), { timeout: 10_000 })
    .toBe(0)
  await eventually(
    () => stored.every((r) => watcher.current.kv.get(r.id) === undefined),
    10_000,
    'removed in the room',
  )
  expect(watcher.current.kv.get(honest.id)).toBeDefined()
  await bea.screenshot({ path: path.join(RESULTS_DIR, 'undrawable-removed.png') })

  // A browser that comes in now has the board without them.
  await piet.reload()
  await piet.locator('.tl-canvas').waitFor()
  await expect
    .poll(() => piet.locator('.tl-canvas').getByText('Gewone notitie').count(), { timeout: 10_000 })
    .toBe(1)
  expect(await piet.locator('.tl-canvas').getByText(PLACEHOLDER).count()).toBe(0)
}, 120_000)
