import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { api } from '../helpers/meetingClient'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { joinAs } from './helpers/meeting'
import { placeNoteWithTool, writeInNote } from './helpers/noteTool'

/**
 * Members who join only through their personal link hold the meeting key: the facilitator's
 * browser (holding the group link) wrapped it for each member when the meeting was made; the
 * member's page unwraps its own before joining. Anna seals a private note, Bram reads it when it
 * is revealed. A member whose link was renewed since is told to open the invitation link once,
 * until the group page, in a browser holding the key, wraps it again for the new link.
 */
const e2e = serverAndBrowserForFile()
const NOTE = 'ALLEEN-VOOR-DE-GROEP-3391'
const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `member-keys-${name}.png`) })

it('a member who joins from their personal link only reads a revealed private note of another member', async () => {
  const base = e2e.server.url
  const maker = await e2e.openPage()
  await maker.goto(`${base}/nieuw`)
  await maker.getByRole('radio', { name: 'Intervisie in 8 stappen', exact: true }).click()
  await maker.getByRole('radio', { name: 'Nieuwe groep' }).check()
  await maker.getByLabel('Naam van de groep').fill('Groep Sleutel')
  await maker.getByLabel('Leden, één naam per regel').fill('Bea\nAnna\nBram\nCas')
  // The wraps go to the server before the links are shown to anyone.
  const wrapped = maker.waitForResponse(
    (r) => r.url().endsWith('/member-keys') && r.request().method() === 'PUT',
  )
  await maker.getByRole('button', { name: 'Bijeenkomst aanmaken' }).click()
  await maker.getByRole('heading', { level: 1, name: 'De bijeenkomst staat klaar' }).waitFor()
  expect((await wrapped).status()).toBe(200)
  const facilitator = await maker.locator('input[data-link="facilitator"]').inputValue()
  const groupLink = new URL(await maker.locator('input[data-link="group"]').inputValue())
  const groupId = groupLink.pathname.split('/')[2]!
  const groupSecret = new URLSearchParams(groupLink.hash.slice(1)).get('groep')!
  const view = await api<{ members: Array<{ name: string; link: string }> }>(base, `/groups/${groupId}`, {
    token: groupSecret,
  })
  const member = Object.fromEntries(view.body.members.map((m) => [m.name, m.link.split('#lid=')[1]!]))

  const url = new URL(facilitator)
  const bea = await joinAs(e2e, url.pathname + url.hash, 'Fenna')
  const fromPersonalLink = async (name: string) => {
    const page = await e2e.openPage()
    await page.goto(`${base}/g/${groupId}#lid=${member[name]}`)
    await page.getByRole('heading', { level: 1, name: `Je bent ${name} in Groep Sleutel` }).waitFor()
    await page.getByRole('button', { name: 'Meedoen' }).click()
    await page.locator('.tl-canvas').waitFor()
    return page
  }
  const anna = await fromPersonalLink('Anna')
  const bram = await fromPersonalLink('Bram')

  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByLabel('Ga naar fase').selectOption('ieder-voor-zich')
  await expect
    .poll(() => anna.locator('.zone-overlay[data-zone="wat-speelt-er"]').getAttribute('data-state'))
    .toBe('open')
  const box = (await anna.locator('.zone-overlay[data-zone="wat-speelt-er"]').boundingBox())!
  await placeNoteWithTool(anna, { x: box.x + box.width / 3, y: box.y + box.height / 2 })
  await writeInNote(anna, NOTE)
  await anna.keyboard.press('Escape')
  await anna.keyboard.press('Escape')
  // Sealed in Anna's browser with the key her personal link brought.
  await expect.poll(() => anna.getByText('1 notitie(s) versleuteld bewaard').count()).toBe(1)
  await bea.getByRole('button', { name: /Volgende fase/ }).click()
  await expect.poll(() => notes(bram).filter({ hasText: NOTE }).count(), { timeout: 10_000 }).toBe(1)
  expect(
    await notes(bram)
      .filter({ hasText: /Versleuteld/ })
      .count(),
  ).toBe(0)
  await shot(bram, '1-revealed-note-at-member')

  // Cas's link is renewed where no browser holds the key: his page says what to do.
  const cas = view.body.members.find((m) => m.name === 'Cas')!
  const renewed = await api<{ member: { link: string } }>(
    base,
    `/groups/${groupId}/members/${cas.link.split('#lid=')[1]!.split('.')[0]}/link`,
    {
      method: 'POST',
      token: groupSecret,
    },
  )
  const casPage = await e2e.openPage()
  await casPage.goto(`${base}${renewed.body.member.link}`)
  await casPage.getByText(/Open één keer de uitnodigingslink/).waitFor()
  await shot(casPage, '2-member-without-key')
  await casPage.getByRole('button', { name: 'EN', exact: true }).click()
  await casPage.getByText(/Open your facilitator's invitation link once/).waitFor()

  // The maker's browser holds the meeting key: opening the group page wraps it for Cas's new link.
  const rewrapped = maker.waitForResponse(
    (r) => r.url().endsWith('/member-keys') && r.request().method() === 'PUT',
  )
  await maker.goto(groupLink.href)
  expect((await rewrapped).status()).toBe(200)
  await casPage.reload()
  await casPage.getByRole('heading', { level: 1, name: /Cas in Groep Sleutel/ }).waitFor()
  await casPage.getByRole('button', { name: /Meedoen|Join/ }).click()
  await casPage.locator('.tl-canvas').waitFor()
  await expect.poll(() => notes(casPage).filter({ hasText: NOTE }).count(), { timeout: 10_000 }).toBe(1)
  await shot(casPage, '3-renewed-member-reads-note')
}, 180_000)
