import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { MeetingExport } from '../../shared/exportFormat'
import { api } from '../helpers/meetingClient'
import { TEST_IMPORT_CODE } from '../helpers/testServerEnv'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'

/**
 * A group's keeping through the UI: on the group page its days are set and everything it has is
 * exported as one file; that file imported on the new-meeting page makes the group again, whose
 * new link opens it with its meeting.
 */
const e2e = serverAndBrowserForFile()
const NAME = 'Intervisiegroep Exportproef'
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `groupExport-${name}.png`), fullPage: true })

it('exports a group from its page and imports it on /nieuw as a new group', async () => {
  const base = e2e.server.url
  const made = await api<{ groupId: string; groupPath: string }>(base, '/groups', {
    body: { name: NAME, members: ['Bea', 'Ahmed', 'Carla'] },
  })
  expect(made.status).toBe(201)
  const { groupId, groupPath } = made.body
  const secret = groupPath.split('#groep=')[1]!
  const meeting = await api(base, `/groups/${groupId}/meetings`, {
    body: { templateId: 'intervisie-8-stappen', title: 'Eerste keer', plannedStart: null },
    token: secret,
  })
  expect(meeting.status).toBe(201)

  const page = await e2e.openPage()
  await page.goto(`${base}${groupPath}`)
  await page.getByRole('heading', { level: 1, name: NAME }).waitFor()
  const card = page.getByRole('region', { name: 'Bewaren en exporteren' })
  await card.getByText(/^Bewaard tot /).waitFor()
  const days = card.getByLabel(/Dagen bewaren na het laatste gebruik/)
  expect(await days.inputValue()).toBe('30')
  await days.fill('45')
  await card.getByRole('button', { name: 'Opslaan' }).click()
  await card.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor()
  await shot(page, '1-keeping')
  const download = page.waitForEvent('download')
  await card.getByRole('button', { name: 'Exporteren (JSON)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(
    /^intervisiebord-Intervisiegroep-Exportproef-\d{4}-\d{2}-\d{2}\.json$/,
  )
  const saved = path.join(RESULTS_DIR, 'groupExport-file.json')
  await file.saveAs(saved)
  const content = JSON.parse(readFileSync(saved, 'utf8')) as MeetingExport
  expect(content.group).toMatchObject({ name: NAME, retentionDays: 45 })
  // Members with their ids, without their personal links.
  expect(content.group?.members.map((m) => (typeof m === 'string' ? m : m.name))).toEqual([
    'Bea',
    'Ahmed',
    'Carla',
  ])
  expect(JSON.stringify(content.group?.members)).not.toContain('secret')
  expect(content.meetings.map((m) => m.title)).toEqual(['Eerste keer'])

  const importer = await e2e.openPage()
  await importer.goto(`${base}/nieuw`)
  await importer.getByText('Bijeenkomsten of een groep importeren uit een exportbestand').click()
  await importer.getByLabel('Importcode (van de beheerder van deze server)').fill(TEST_IMPORT_CODE)
  await importer.getByLabel('Exportbestand (JSON)').setInputFiles(saved)
  await importer.getByRole('heading', { name: 'Geïmporteerd' }).waitFor()
  const newLink = await importer.locator('input[data-link="group"]').inputValue()
  expect(newLink).toMatch(/\/g\/[A-Za-z0-9_-]{22}#groep=/)
  expect(newLink).not.toContain(groupId)
  await shot(importer, '2-imported')
  await importer.getByRole('link', { name: 'Groep openen' }).click()
  await importer.getByRole('heading', { level: 1, name: NAME }).waitFor()
  await importer
    .getByText(/Intervisie in 8 stappen/)
    .first()
    .waitFor()
  expect(
    await importer
      .getByRole('region', { name: 'Bewaren en exporteren' })
      .getByLabel(/Dagen bewaren/)
      .inputValue(),
  ).toBe('45')
  await shot(importer, '3-group-again')
  // In English too.
  await importer.getByRole('button', { name: 'EN', exact: true }).click()
  const english = importer.getByRole('region', { name: 'Keeping and export' })
  await english.getByText(/^Kept until /).waitFor()
  await english.getByRole('button', { name: 'Export (JSON)' }).waitFor()
  await english.scrollIntoViewIfNeeded()
  await shot(importer, '4-english')
}, 90_000)
