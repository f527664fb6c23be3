import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, expect, it } from 'vitest'
import { importMeetingKey, sealText } from '../../client/src/meeting/drafts/sealing'
import type { BoardRecord } from '../../shared/boardRecords'
import { noteArea, zoneRect } from '../../shared/layout'
import { columnFor, ratingColumns } from '../../shared/ratingColumns'
import { MARK_ROOM, NOTE_SIZE, type Rect, slotsFor } from '../../shared/slots'
import type { Template } from '../../shared/templateSchema'
import { api, ResettingClient } from '../helpers/meetingClient'
import { eventually } from '../helpers/yjsClient'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'

/**
 * The W/N/K flip-over with the largest group of method 5: eight people write three questions
 * each (stock clients, for speed), the inbrenger marks all 24 from the list by keyboard, 10 W,
 * 8 N and 6 K, on a 1280x800 laptop, while the facilitator watches on a 768x1024 portrait
 * tablet. Every note stands inside the column of its mark, no two overlap (nor their mark
 * badges), and the facilitator's Opruimen changes none of that.
 */
const e2e = serverAndBrowserForFile()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `columns-${name}.png`) })
const clients: ResettingClient[] = []
afterAll(() => {
  for (const c of clients) c.destroy()
})

const MARKS = [...Array(10).fill('W'), ...Array(8).fill('N'), ...Array(6).fill('K')] as Array<'W' | 'N' | 'K'>

/** A note's page rectangle from its record (notes on the page or on a zone frame). */
function pageBox(record: BoardRecord, records: Map<string, BoardRecord>): Rect {
  const parent = records.get(String(record.parentId))
  const dx = parent?.typeName === 'shape' ? Number(parent.x) : 0
  const dy = parent?.typeName === 'shape' ? Number(parent.y) : 0
  const props = record.props as { growY?: number; scale?: number }
  const scale = props.scale ?? 1
  return {
    x: Number(record.x) + dx,
    y: Number(record.y) + dy,
    w: NOTE_SIZE * scale,
    h: NOTE_SIZE * scale + (props.growY ?? 0),
  }
}

const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h

/**
 * What is wrong with the questions on the board, by the records everyone shares: notes outside
 * the column of their mark, and pairs that overlap (a note with the room for its badge above it).
 */
function problems(template: Template, client: ResettingClient): { outside: string[]; overlaps: string[] } {
  const records = new Map<string, BoardRecord>()
  for (const [key, value] of client.current.kv.map) records.set(key, value.val as BoardRecord)
  const rect = zoneRect(template, 'vragen')
  const columns = ratingColumns(rect, rect.slotArea)
  const notes = [...records.values()].filter((r) => r.typeName === 'shape' && r.type === 'note')
  const boxes = notes.map((r) => ({
    id: r.id,
    mark: (r.meta?.rating as string | undefined) ?? null,
    box: pageBox(r, records),
  }))
  const outside = boxes
    .filter(({ mark, box }) => !inside(box, columnFor(columns, mark)!.area))
    .map(({ id, mark, box }) => `${id} (${mark}) at ${Math.round(box.x)},${Math.round(box.y)}`)
  const overlaps: string[] = []
  const withMark = (b: Rect) => ({ ...b, y: b.y - MARK_ROOM, h: b.h + MARK_ROOM })
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (intersects(withMark(boxes[i]!.box), withMark(boxes[j]!.box)))
        overlaps.push(`${boxes[i]!.id}/${boxes[j]!.id}`)
  return { outside, overlaps }
}

/** On a screen: overlapping pairs of visible notes, and badges lying over any note. */
function onScreen(page: Page): Promise<{ notes: number; overlaps: number; coveredBadges: number }> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.tl-shape[data-shape-type="note"]')]
      .map((n) => n.getBoundingClientRect())
      .filter((r) => r.width > 0)
    const hit = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    let overlaps = 0
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) if (hit(boxes[i]!, boxes[j]!)) overlaps++
    const badges = [...document.querySelectorAll('.rating-badge[data-note]')].map((b) =>
      b.getBoundingClientRect(),
    )
    const coveredBadges = badges.filter((b) => b.width > 0 && boxes.some((n) => hit(b, n))).length
    return { notes: boxes.length, overlaps, coveredBadges }
  })
}

const columnCount = (page: Page, mark: string) =>
  page
    .locator(`.rating-columns[data-zone="vragen"] .rating-column[data-mark="${mark}"] .rating-column__count`)
    .textContent()

it('24 questions marked 10 W, 8 N, 6 K stand apart in their columns, on a laptop and a portrait tablet, also after Opruimen', async () => {
  const links = await createMeeting(e2e.server.url, 'warm-neutraal-koud', 'Intervisie team Zuid')
  const meetingId = links.invitePath.split('#')[0]!.split('/').pop()!
  const inviteSecret = links.invitePath.split('#uitnodiging=')[1]!.split('&')[0]!
  const template = (await api<{ template: Template }>(e2e.server.url, '/templates/warm-neutraal-koud')).body
    .template

  // The facilitator on a portrait tablet, the inbrenger on a laptop.
  const tablet = e2e.track(await e2e.browser.newContext({ viewport: { width: 768, height: 1024 } }))
  const bea = await tablet.newPage()
  await bea.goto(e2e.server.url + links.facilitatorPath)
  await bea.getByLabel(/naam zoals de groep/i).fill('Bea')
  await bea.getByRole('button', { name: 'Meedoen' }).click()
  await bea.locator('.tl-canvas').waitFor()
  const ina = await joinAs(e2e, links.invitePath, 'Ina')

  // Eight participants, each with a stock client.
  const writers: Array<{ client: ResettingClient; id: string; token: string }> = []
  for (let i = 1; i <= 8; i++) {
    const joined = await api<{ token: string; participant: { id: string } }>(
      e2e.server.url,
      `/meetings/${meetingId}/join`,
      { body: { secret: inviteSecret, name: `Deelnemer ${i}` } },
    )
    expect(joined.status).toBe(201)
    const client = new ResettingClient(e2e.server.url, `m-${meetingId}`, joined.body.token)
    clients.push(client)
    await client.synced()
    writers.push({ client, id: joined.body.participant.id, token: joined.body.token })
  }

  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect.poll(() => ina.locator('.person-chip').textContent()).toContain('inbrenger')
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => ina.locator('.phase-bar').textContent()).toContain('Vragen formuleren')
  // On a portrait tablet the board needs the width: both side panels start folded (sidePanels.ts).
  await expect.poll(() => bea.getByRole('button', { name: 'Notitielijst tonen' }).count()).toBe(1)
  await expect.poll(() => bea.getByRole('button', { name: 'Deelnemers tonen' }).count()).toBe(1)

  // Three questions each, written for themselves (seed 004, method 5 step 2): sealed with the
  // meeting key in the writer's client and stored as drafts; nothing goes over the room.
  const key = await importMeetingKey(links.invitePath.split('sleutel=')[1]!.split('&')[0]!)
  const slots = slotsFor(noteArea(template, 'vragen'), 24)
  expect(slots).toHaveLength(24)
  for (const [w, { token }] of writers.entries()) {
    const drafts = []
    for (let q = 0; q < 3; q++) {
      const n = w * 3 + q
      const shapeId = `shape:q${String(n).padStart(2, '0')}`
      drafts.push({
        shapeId,
        sealed: await sealText(key, meetingId, shapeId, `Vraag ${n + 1}: wat speelt er?`),
      })
    }
    const put = await api(e2e.server.url, `/meetings/${meetingId}/drafts/mine/vragen`, {
      method: 'PUT',
      body: { drafts, ready: true },
      token,
    })
    expect(put.status).toBe(200)
  }
  // Every writer's three are stored (the panel counts everyone who may write, the names too).
  await expect
    .poll(() => bea.locator('.draft-progress__summary').textContent(), { timeout: 10_000 })
    .toMatch(/^8 van \d+ klaar$/)
  expect(await ina.locator('.notes-list .note-item').count()).toBe(0)

  // The rating phase reveals them: the server puts all 24 in the free slots of "not rated yet".
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => ina.locator('.notes-list .note-item').count(), { timeout: 10_000 }).toBe(24)
  expect(writers.flatMap((w) => w.client.refusals)).toEqual([])
  // Before any mark, every question stands under "Nog te waarderen"; W, N and K read 0.
  for (const page of [ina, bea]) {
    await expect.poll(() => columnCount(page, ''), { timeout: 5000 }).toBe('24')
    for (const mark of ['W', 'N', 'K']) expect(await columnCount(page, mark)).toBe('0')
  }
  await eventually(() => writers[0]!.client.current.kv.map.size > 24, 5000, 'revealed at a writer')
  expect(problems(template, writers[0]!.client)).toEqual({ outside: [], overlaps: [] })
  await shot(ina, 'written-1280')
  await shot(bea, 'written-768')

  // Rating: the inbrenger marks every question from the list, by keyboard.
  await expect.poll(() => ina.locator('.notes-list__howto').count(), { timeout: 5000 }).toBe(1)
  const focusedNote = () =>
    ina.evaluate(() => document.activeElement?.classList.contains('note-item') === true)
  for (let i = 0; i < 150 && !(await focusedNote()); i++) await ina.keyboard.press('Tab')
  expect(await focusedNote()).toBe(true)
  for (const [n, mark] of MARKS.entries()) {
    await ina.keyboard.press(mark.toLowerCase())
    await expect
      .poll(() => ina.locator('.note-group[data-mark=""] .note-item').count(), { timeout: 5000 })
      .toBe(23 - n)
  }
  const marked = { '': '0', W: '10', N: '8', K: '6' }
  for (const page of [ina, bea]) {
    for (const [mark, count] of Object.entries(marked))
      await expect.poll(() => columnCount(page, mark), { timeout: 5000 }).toBe(count)
  }
  await expect
    .poll(() => problems(template, writers[0]!.client), { timeout: 5000 })
    .toEqual({ outside: [], overlaps: [] })
  await shot(ina, 'marked-1280')
  await shot(bea, 'marked-768')
  for (const page of [ina, bea]) {
    const seen = await onScreen(page)
    console.log(`marked, ${page === ina ? '1280x800' : '768x1024'}: ${JSON.stringify(seen)}`)
    expect(seen.notes).toBeGreaterThan(0)
    expect(seen).toMatchObject({ overlaps: 0, coveredBadges: 0 })
  }

  // The facilitator tidies the zone: still every note in its column, none over another.
  await bea.locator('.zone-overlay[data-zone="vragen"]').getByRole('button', { name: 'Opruimen' }).click()
  // Tidying a board that is already in order may move nothing at all: nothing to wait for but
  // the screens and the shared records saying the same.
  await expect.poll(() => onScreen(bea)).toMatchObject({ overlaps: 0, coveredBadges: 0 })
  expect(problems(template, writers[0]!.client)).toEqual({ outside: [], overlaps: [] })
  for (const page of [ina, bea]) {
    for (const [mark, count] of Object.entries(marked)) expect(await columnCount(page, mark)).toBe(count)
    expect(await onScreen(page)).toMatchObject({ overlaps: 0, coveredBadges: 0 })
  }
  await shot(ina, 'tidied-1280')
  await shot(bea, 'tidied-768')
  expect(writers.flatMap((w) => w.client.refusals)).toEqual([])
}, 300_000)
