import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'

/**
 * Quick advice rounds (method 3) in Chromium: three people put a topic on the list and each
 * scores their own 1 to 10, nobody's role changed by hand; the topics are taken highest first
 * ("Onderwerp 1 van 3" in the phase bar on every screen), and the owner of the topic now on is its
 * inbrenger by itself (topicRole.ts); per topic three advice rounds in turns, in which everyone
 * sees whose turn it is and the advice they wrote for this topic.
 */
const e2e = serverAndBrowserForFile()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `quick-${name}.png`) })

const TOPICS = {
  Anna: { text: 'Mijn planning loopt steeds uit', score: '4' },
  Ben: { text: 'Een collega die niet meewerkt', score: '9' },
  Carla: { text: 'Nee zeggen tegen mijn manager', score: '7' },
} as const
type Owner = keyof typeof TOPICS
/** Highest score first. */
const ORDER: Owner[] = ['Ben', 'Carla', 'Anna']

async function addNote(page: Page, zoneId: string, text: string, slot: number): Promise<void> {
  const zone = (await page.locator(`.zone-overlay[data-zone="${zoneId}"]`).boundingBox())!
  const before = await page.locator('.tl-shape[data-shape-type="note"]').count()
  await placeNoteWithTool(page, {
    x: zone.x + zone.width * (0.2 + 0.3 * (slot % 3)),
    y: zone.y + zone.height * 0.55,
  })
  await expect.poll(() => page.locator('.tl-shape[data-shape-type="note"]').count()).toBe(before + 1)
  await writeInNote(page, text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

const item = (page: Page, text: string) =>
  page.locator('.notes-list .note-item').filter({ has: page.locator('.note-item__text', { hasText: text }) })
const topicLine = (page: Page) => page.locator('.phase-bar__topic').textContent()

it('method 3: three topics scored 1-10, taken highest first, three advice rounds in turns per topic', async () => {
  const { facilitatorPath, invitePath } = await createMeeting(
    e2e.server.url,
    'snelle-adviesrondes',
    'Adviesuur',
  )
  const bea = await joinAs(e2e, facilitatorPath, 'Bea')
  const people: Record<Owner | 'Dirk', Page> = {
    Anna: await joinAs(e2e, invitePath, 'Anna'),
    Ben: await joinAs(e2e, invitePath, 'Ben'),
    Carla: await joinAs(e2e, invitePath, 'Carla'),
    Dirk: await joinAs(e2e, invitePath, 'Dirk'),
  }
  const everyone = [bea, ...Object.values(people)]
  const chip = (name: Owner | 'Dirk') => people[name].locator('.person-chip').textContent()
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  for (const [i, owner] of (['Anna', 'Ben', 'Carla'] as const).entries()) {
    await addNote(people[owner], 'onderwerpen', TOPICS[owner].text, i)
  }
  await expect.poll(() => bea.locator('.notes-list .note-item').count(), { timeout: 5000 }).toBe(3)
  // Each scores their own topic only, as the deelnemer they are: no role changes.
  expect(await item(people.Anna, TOPICS.Ben.text).locator('.mark-button').count()).toBe(0)
  for (const owner of ['Anna', 'Ben', 'Carla'] as const) {
    const page = people[owner]
    expect(await item(page, TOPICS[owner].text).locator('.mark-button').count()).toBe(10)
    await item(page, TOPICS[owner].text)
      .locator('.mark-button', { hasText: new RegExp(`^${TOPICS[owner].score}$`) })
      .click()
    await expect.poll(() => item(bea, TOPICS[owner].text).getAttribute('data-mark')).toBe(TOPICS[owner].score)
  }
  // The list: highest score first, on every screen.
  for (const page of everyone) {
    await expect
      .poll(() => page.locator('.notes-list .note-item__text').allTextContents())
      .toEqual(ORDER.map((o) => TOPICS[o].text))
  }
  await shot(people.Dirk, 'topics-scored')

  for (const [t, owner] of ORDER.entries()) {
    if (t === 0) await bea.getByRole('button', { name: /Volgende fase/ }).click()
    else await bea.getByRole('button', { name: 'Volgend onderwerp' }).click()
    for (const page of everyone) {
      await expect
        .poll(() => topicLine(page), { timeout: 5000 })
        .toContain(`Onderwerp ${t + 1} van 3: ${TOPICS[owner].text}`)
    }
    // The owner is the inbrenger now, the others deelnemer, without anyone changing roles.
    await expect.poll(() => chip(owner)).toContain('inbrenger')
    for (const other of ORDER.filter((o) => o !== owner)) expect(await chip(other)).toContain('deelnemer')
    if (t === 0) await shot(people[owner], 'owner-is-inbrenger')
    // The facilitator's list says who is the inbrenger of this topic; their set role stays.
    await expect
      .poll(() => bea.locator('.person', { hasText: owner }).locator('.person__role-now').textContent())
      .toContain('nu inbrenger')
    if (t === 0) await shot(bea, 'facilitator-sees-owner')
    const advisors = (['Anna', 'Ben', 'Carla', 'Dirk'] as const).filter((p) => p !== owner)
    for (let round = 1; round <= 3; round++) {
      await bea.getByRole('button', { name: /Volgende fase/ }).click()
      const zone = `adviesronde-${round}`
      await expect
        .poll(() => people.Dirk.locator(`.zone-overlay[data-zone="${zone}"]`).getAttribute('data-state'))
        .toBe('open')
      // Two of the three write their advice down; the third gives it by word of mouth.
      const writers = advisors.slice(0, 2)
      const advice = (name: string) => `Advies ${round} van ${name} voor ${TOPICS[owner].text.toLowerCase()}`
      for (const [i, name] of writers.entries()) {
        await addNote(people[name], zone, advice(name), t * 2 + i)
      }
      await bea.getByRole('button', { name: 'Om de beurt…' }).click()
      await bea.getByRole('button', { name: 'Ronde starten' }).click()
      // Everyone sees whose turn it is and that person's advice for this topic, one at a time.
      for (const [turn, name] of advisors.entries()) {
        for (const page of [bea, people[owner], people.Dirk]) {
          await expect
            .poll(() => page.locator('.turn-note').textContent(), { timeout: 5000 })
            .toContain(`Aan de beurt: ${name}`)
        }
        const shown = await people[owner].locator('.turn-note__text').allTextContents()
        expect(shown).toEqual(writers.includes(name as never) ? [advice(name)] : [])
        if (t === 0 && round === 1 && turn === 0) await shot(people[owner], 'advice-turn')
        await bea.getByRole('button', { name: 'Volgende ›', exact: true }).click()
      }
      await expect
        .poll(() => people.Dirk.locator('.turns-strip__now').textContent())
        .toContain('Iedereen is aan de beurt geweest')
    }
    await bea.getByRole('button', { name: /Volgende fase/ }).click()
  }
  // After the third topic there is no next topic.
  expect(await bea.getByRole('button', { name: 'Volgend onderwerp' }).count()).toBe(0)
  expect(await topicLine(bea)).toContain('Onderwerp 3 van 3')
  await shot(bea, 'last-topic')
}, 420_000)
