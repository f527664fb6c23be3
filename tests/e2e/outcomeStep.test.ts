import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, expect, it } from 'vitest'
import { noteArea } from '../../shared/layout'
import { slotsFor } from '../../shared/slots'
import type { Template } from '../../shared/templateSchema'
import { api, ResettingClient } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'
import { createMeeting, joinAs } from './helpers/meeting'

/**
 * The outcome made in the meeting (method 5): once the advice is on the board, the inbrenger's
 * list asks her to choose the advice and write her action, and says what is still empty; the
 * facilitator's Afronden names what is left; a meeting finished without an action says so in
 * the report instead of "je keuzes staan vast".
 */
const e2e = serverAndBrowserForFile()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `outcome-${name}.png`) })
const clients: ResettingClient[] = []
afterAll(() => {
  for (const c of clients) c.destroy()
})

const ADVICE = 'Plan elke week een kort overleg'

it('asks the inbrenger for the advice and the action, and finishing names what is still empty', async () => {
  const links = await createMeeting(e2e.server.url, 'warm-neutraal-koud', 'Intervisie team West')
  const meetingId = links.invitePath.split('#')[0]!.split('/').pop()!
  const inviteSecret = links.invitePath.split('#uitnodiging=')[1]!.split('&')[0]!
  const template = (await api<{ template: Template }>(e2e.server.url, '/templates/warm-neutraal-koud')).body
    .template
  const bea = await joinAs(e2e, links.facilitatorPath, 'Bea')
  const ina = await joinAs(e2e, links.invitePath, 'Ina')
  const joined = await api<{ token: string; participant: { id: string } }>(
    e2e.server.url,
    `/meetings/${meetingId}/join`,
    { body: { secret: inviteSecret, name: 'Piet' } },
  )
  const piet = new ResettingClient(e2e.server.url, `m-${meetingId}`, joined.body.token)
  clients.push(piet)
  await piet.synced()

  await bea.getByLabel('Rol van Ina').selectOption('inbrenger')
  await expect.poll(() => ina.locator('.person-chip').textContent()).toContain('inbrenger')
  await bea.getByRole('button', { name: 'Start de bijeenkomst' }).click()
  await bea.getByLabel('Ga naar fase').selectOption('advisering')
  await expect.poll(() => ina.locator('.phase-bar').textContent()).toContain('Advisering')

  const slot = slotsFor(noteArea(template, 'adviezen'), 1)[0]!
  const advice = noteRecord({
    id: 'shape:advies',
    ...slot,
    authorId: joined.body.participant.id,
    text: ADVICE,
  })
  piet.current.kv.set(advice.id, { ...advice, props: { ...advice.props, fontSizeAdjustment: 1 } })
  await expect.poll(() => ina.locator('.notes-list .note-item').count(), { timeout: 5000 }).toBe(1)

  // The inbrenger's list asks for her step; nobody else's does.
  const prompt = (page: Page) => page.locator('[data-outcome-prompt]')
  await expect
    .poll(() => prompt(ina).textContent())
    .toBe(
      'Jouw stap: open Verslag, kies het advies dat je meeneemt en schrijf je actie. Nog leeg: het advies dat de inbrenger meeneemt en de actie van de inbrenger.',
    )
  expect(await prompt(bea).count()).toBe(0)
  await shot(ina, 'prompt')

  // She chooses the advice: the prompt now asks only for the action.
  await ina.getByRole('button', { name: 'Verslag' }).click()
  const dialog = ina.locator('.report-root')
  await dialog.getByRole('radio', { name: new RegExp(ADVICE) }).check()
  await dialog.getByRole('button', { name: 'Sluiten' }).click()
  await expect.poll(() => prompt(ina).textContent()).toMatch(/Nog leeg: de actie van de inbrenger\.$/)

  // The facilitator finishes: the question names what is still empty.
  await bea.getByRole('button', { name: 'Afronden' }).click()
  await expect
    .poll(() => bea.locator('.facilitator-controls__gaps').textContent())
    .toContain('Nog leeg: de actie van de inbrenger.')
  await shot(bea, 'finish-confirm')
  await bea.getByRole('button', { name: 'Ja, afronden' }).click()
  await expect.poll(() => ina.locator('.phase-bar').textContent()).toMatch(/afgerond/i)

  // Her report says the meeting ended without her action, not that her choices are final.
  await ina.getByRole('button', { name: 'Verslag' }).click()
  await expect
    .poll(() => dialog.getByText(/De bijeenkomst is afgerond/).textContent())
    .toBe('De bijeenkomst is afgerond zonder de actie van de inbrenger.')
  await shot(ina, 'report-finished')
}, 180_000)
