import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { api } from '../helpers/meetingClient'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'

/**
 * The G4 reflection report through the UI (issue 17): the inbrenger writes it after the meeting,
 * it is sealed in her browser and stored; the group's next meeting opens with it in the look-back
 * for those who were there (their browsers hold last time's key); the begeleider prints it and
 * signs it off, and the sign-off names the begeleider as the server knows them.
 */
const e2e = serverAndBrowserForFile()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `reflectionReport-${name}.png`), fullPage: true })
const INZICHT = 'Ik neem te snel het werk van mijn team over'
const AANDACHT = 'Het gesprek met mijn leidinggevende'

async function groupMeeting(base: string, groupId: string, secret: string, title: string) {
  const made = await api<{ facilitatorPath: string; invitePath: string }>(
    base,
    `/groups/${groupId}/meetings`,
    {
      body: { templateId: 'zes-fasen-reflectieverslag', title, plannedStart: null },
      token: secret,
    },
  )
  expect(made.status).toBe(201)
  // One key per meeting, in both links, as the new-meeting page makes it.
  const key = `&sleutel=${randomBytes(32).toString('base64url')}`
  return { facilitator: made.body.facilitatorPath + key, invite: made.body.invitePath + key }
}

/** Joins through a link in the person's own browser (so it keeps the keys of earlier meetings). */
async function join(page: Page, link: string, name: string): Promise<Page> {
  await page.goto(e2e.server.url + link)
  await page.getByLabel(/naam zoals de groep/i).fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.locator('.tl-canvas').waitFor()
  return page
}

it('writes the reflection report sealed, shows it in the next look-back, and prints it signed off', async () => {
  const base = e2e.server.url
  const group = await api<{ groupId: string; groupPath: string }>(base, '/groups', {
    body: { name: 'Reflectiegroep', members: ['Anne', 'Bart'] },
  })
  expect(group.status).toBe(201)
  const { groupId } = group.body
  const secret = group.body.groupPath.split('#groep=')[1]!

  // Meeting 1: Ina brings the case; Bea facilitates.
  const first = await groupMeeting(base, groupId, secret, 'Eerste keer')
  const bea = await join(await e2e.openPage(), first.facilitator, 'Bea')
  const ina = await join(await e2e.openPage(), first.invite, 'Ina')
  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect
    .poll(() => ina.locator('.person-chip').textContent(), { timeout: 10_000 })
    .toContain('inbrenger')
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByRole('button', { name: 'Afronden' }).click()
  await bea.getByRole('button', { name: 'Ja, afronden' }).click()

  // After the meeting Ina writes her report; it is sealed and stored.
  await ina.getByRole('button', { name: 'Verslag' }).click({ timeout: 10_000 })
  const report = ina.locator('.report-root')
  await report.getByLabel('Welke inzichten heb je nu?').fill(INZICHT)
  await report.getByLabel('Is er iets blijven liggen wat aandacht vraagt?').fill(AANDACHT)
  await report.getByText('Verzegeld bewaard.').waitFor({ timeout: 10_000 })
  await shot(ina, '1-written')
  await report.getByRole('button', { name: 'Sluiten' }).click()

  // Meeting 2: the same browsers join; the look-back opens with last time's report.
  const second = await groupMeeting(base, groupId, secret, 'Tweede keer')
  const beaNext = await join(await bea.context().newPage(), second.facilitator, 'Bea')
  const inaNext = await join(await ina.context().newPage(), second.invite, 'Ina')
  for (const page of [beaNext, inaNext]) {
    const dialog = page.getByRole('dialog', { name: 'Terugblik op de vorige keer' })
    await dialog.getByText('Reflectieverslag van Ina').waitFor({ timeout: 10_000 })
    await dialog.getByText(INZICHT).waitFor()
    await dialog.getByText(AANDACHT).waitFor()
  }
  await shot(inaNext, '2-look-back')
  // Only the begeleider signs off.
  expect(await inaNext.getByRole('button', { name: 'Aftekenen' }).count()).toBe(0)

  // Bea opens the page for the sign-off, signs, and the page names her.
  await beaNext.getByRole('button', { name: 'Afdrukken om af te tekenen' }).click()
  const print = beaNext.locator('.reflection-print')
  await print.getByText(INZICHT).waitFor()
  expect(await print.getByTestId('reflection-sign-off').textContent()).toBe('Nog niet afgetekend.')
  await print.getByRole('button', { name: 'Aftekenen' }).click()
  await expect.poll(() => print.getByTestId('reflection-sign-off').textContent()).toMatch(/^Bea, /)
  expect(await print.textContent()).toContain('Inbrenger: Ina')
  await shot(beaNext, '3-print-signed')
  await beaNext.emulateMedia({ media: 'print' })
  await shot(beaNext, '4-on-paper')
  await beaNext.emulateMedia({ media: 'screen' })

  // Signed off, Ina's report no longer changes: her form in meeting 1 says so.
  await ina.reload()
  await ina.locator('.tl-canvas').waitFor()
  await ina.getByRole('button', { name: 'Verslag' }).click()
  await ina
    .locator('.report-root')
    .getByText(/Afgetekend door Bea/)
    .waitFor({ timeout: 10_000 })
  expect(
    await ina.locator('.report-root').getByLabel('Welke inzichten heb je nu?').getAttribute('readonly'),
  ).not.toBeNull()
}, 120_000)
