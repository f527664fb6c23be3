import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { DOCUMENT_ID } from '../../shared/boardRecords'
import { withChoices } from '../../shared/outcome/choices'
import type { Template } from '../../shared/templateSchema'
import { api } from '../helpers/meetingClient'
import { inZone } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'
import { axeViolations } from './helpers/axe'
import { RESULTS_DIR, serverAndBrowserForFile, VIEWPORT } from './helpers/harness'

/**
 * An intervisie group through the UI: the facilitator makes a new group with the first meeting on
 * the new-meeting page; the first meeting is played (by stock clients, through the public API and
 * the room, as the rules allow it); from the group's page she makes the second meeting, which opens
 * with the look-back on the first: its case, chosen advice and action. Last time's inbrenger writes
 * what came of it and everyone sees it. The register prints without case text.
 */
const e2e = serverAndBrowserForFile()
const METHOD = 'Intervisie in 8 stappen'
const CASE = 'Mijn team overlegt niet meer'
const ADVICE = 'Spreek elk teamlid een kwartier apart'
const ACTION = 'Zes gesprekken voeren'
const FOLLOW_UP = 'Vier gesprekken gevoerd; het overleg loopt weer'

/** A person whose pages axe-core may check (it is injected, so the context bypasses the CSP). */
async function checkablePage(): Promise<Page> {
  return e2e.track(await e2e.browser.newContext({ viewport: VIEWPORT, bypassCSP: true })).newPage()
}

async function accessible(page: Page, name: string) {
  await page.waitForTimeout(300)
  expect(await axeViolations(page), name).toEqual([])
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `groups-${name}.png`) })

/** Picks the method and fills the title on the new-meeting page. */
async function chooseMethod(page: Page, title: string) {
  await page.getByRole('radio', { name: METHOD, exact: true }).click()
  await page.locator('.method-details').getByLabel('Titel van de bijeenkomst (optioneel)').fill(title)
}

async function linksOnCreatedPage(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'De bijeenkomst staat klaar' }).waitFor()
  const link = (kind: string) => page.locator(`input[data-link="${kind}"]`).inputValue()
  return { facilitator: await link('facilitator'), invite: await link('invite'), group: await link('group') }
}

/** Each member's personal credential by name, as the group page (opened with the group link) shows them. */
async function memberCredentials(base: string, groupLink: string): Promise<Record<string, string>> {
  const url = new URL(groupLink)
  const secret = new URLSearchParams(url.hash.slice(1)).get('groep')!
  const view = await api<{ members: Array<{ name: string; link: string }> }>(
    base,
    `/groups/${url.pathname.split('/')[2]}`,
    {
      token: secret,
    },
  )
  return Object.fromEntries(view.body.members.map((m) => [m.name, m.link.split('#lid=')[1]!]))
}

/**
 * Meeting 1, played as the rules allow: Ahmed brings the case, Carla advises, Ahmed chooses. Each
 * comes in with their personal link (Bea with the facilitator link too).
 */
async function playFirstMeeting(
  base: string,
  links: { facilitator: string; invite: string },
  members: Record<string, string>,
) {
  const meetingId = new URL(links.facilitator).pathname.split('/')[2]!
  const secret = (url: string, name: string) => new URLSearchParams(new URL(url).hash.slice(1)).get(name)!
  const post = async <T>(p: string, body: unknown, token?: string) => {
    const res = await api<T>(base, p, { body, token })
    expect(res.status, `${p}: ${JSON.stringify(res.body)}`).toBeLessThan(300)
    return res.body
  }
  type Session = { token: string; participant: { id: string } }
  const bea = await post<Session>(`/meetings/${meetingId}/facilitate`, {
    secret: secret(links.facilitator, 'begeleider'),
    member: members.Bea,
  })
  const join = (name: string) => post<Session>(`/meetings/${meetingId}/join`, { member: members[name] })
  const ahmed = await join('Ahmed')
  const carla = await join('Carla')
  await post(
    `/meetings/${meetingId}/roles`,
    { participantId: ahmed.participant.id, role: 'inbrenger' },
    bea.token,
  )
  const command = (body: unknown) => post(`/meetings/${meetingId}/commands`, body, bea.token)
  await command({ type: 'start' })
  await command({ type: 'chooseCase', text: CASE })
  await command({ type: 'goto', phaseId: 'smart-actie' })

  const template = (await api<{ template: Template }>(base, '/templates/intervisie-8-stappen')).body.template
  const roomId = `m-${meetingId}`
  const carlaBoard = connectClient(base, roomId, { token: carla.token })
  const ahmedBoard = connectClient(base, roomId, { token: ahmed.token })
  await waitForSync(carlaBoard)
  await waitForSync(ahmedBoard)
  const tip = 'shape:tip-1'
  carlaBoard.kv.set(
    tip,
    noteRecord({ id: tip, ...inZone(template, 'tips'), authorId: carla.participant.id, text: ADVICE }),
  )
  await eventually(() => ahmedBoard.kv.get(tip) !== undefined, 5000, 'the advice at Ahmed')
  const document = ahmedBoard.kv.get(DOCUMENT_ID) as Parameters<typeof withChoices>[0]
  const action = {
    specifiek: ACTION,
    meetbaar: '',
    acceptabel: '',
    realistisch: '',
    tijdgebonden: 'Voor 1 februari',
  }
  ahmedBoard.kv.set(DOCUMENT_ID, withChoices(document, { chosenAdviceId: tip, action }))
  await eventually(
    () =>
      (carlaBoard.kv.get(DOCUMENT_ID) as { meta?: { outcome?: { chosenAdviceId?: string } } })?.meta?.outcome
        ?.chosenAdviceId === tip,
    5000,
    'the choice at Carla (the server took it)',
  )
  // A moment of the meeting with both boards open, so the register has someone to list.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  await command({ type: 'finish' })
  carlaBoard.destroy()
  ahmedBoard.destroy()
}

it('the second meeting of a group opens with the first one’s advice and action; the register prints', async () => {
  const base = e2e.server.url
  const bea = await checkablePage()
  await bea.goto(`${base}/nieuw`)
  await chooseMethod(bea, 'Groep Noord, eerste keer')
  await bea.getByRole('radio', { name: 'Nieuwe groep' }).check()
  await bea.getByLabel('Naam van de groep').fill('Intervisiegroep Noord')
  await bea.getByLabel('Leden, één naam per regel').fill('Bea\nAhmed\nCarla\nDewi\nEva')
  await bea.getByLabel(/Gepland begin/).fill('2026-12-02T14:00')
  await shot(bea, '1-new-group-form')
  await accessible(bea, 'new-meeting form with a new group')
  await bea.getByRole('button', { name: 'Bijeenkomst aanmaken' }).click()
  const first = await linksOnCreatedPage(bea)
  expect(first.group).toMatch(/\/g\/[A-Za-z0-9_-]{22}#groep=/)
  await shot(bea, '2-created-with-group-link')

  const members = await memberCredentials(base, first.group)
  await playFirstMeeting(base, first, members)

  // The group's page: the series, and whose turn it is (Ahmed brought the case, Bea facilitated).
  await bea.goto(first.group)
  await bea.getByRole('heading', { level: 1, name: 'Intervisiegroep Noord' }).waitFor()
  await bea.getByText('Casus inbrengen: Bea').waitFor()
  await bea.getByText('Begeleiden: Ahmed').waitFor()
  expect(new URL(bea.url()).hash).toBe('') // the secret left the address bar
  // Each member's personal link, to hand out; one renewed after asking (the old one stops working).
  for (const name of ['Bea', 'Ahmed', 'Carla', 'Dewi', 'Eva'])
    expect(await bea.locator(`input[data-member-link="${name}"]`).inputValue()).toContain('#lid=')
  await shot(bea, '3-group-page')
  await bea
    .locator('.member-links')
    .screenshot({ path: path.join(RESULTS_DIR, 'groups-3c-member-links.png') })
  await accessible(bea, 'group page')
  const evaBefore = await bea.locator('input[data-member-link="Eva"]').inputValue()
  await bea
    .getByRole('listitem')
    .filter({ hasText: 'Eva' })
    .getByRole('button', { name: 'Nieuwe link' })
    .click()
  await bea.getByText('Een nieuwe link voor Eva maken? De oude link werkt dan niet meer.').waitFor()
  await shot(bea, '3d-member-link-renew-confirm')
  await bea.getByRole('button', { name: 'Ja, nieuwe link' }).click()
  await expect.poll(() => bea.locator('input[data-member-link="Eva"]').inputValue()).not.toBe(evaBefore)
  const evaOld = evaBefore.split('#lid=')[1]!
  expect(
    (await api(base, `/groups/${new URL(first.group).pathname.split('/')[2]}/member`, { token: evaOld }))
      .status,
  ).toBe(403)
  await bea.getByRole('button', { name: 'EN', exact: true }).click()
  await bea.getByText('Brings a case: Bea').waitFor()
  await bea.getByRole('heading', { name: 'Next time' }).waitFor()
  await shot(bea, '3b-group-page-english')
  await bea.getByRole('button', { name: 'NL', exact: true }).click()

  await bea.getByRole('button', { name: 'Nieuwe bijeenkomst voor deze groep' }).click()
  await bea.getByRole('heading', { level: 1, name: 'Nieuwe bijeenkomst' }).waitFor()
  await chooseMethod(bea, 'Groep Noord, tweede keer')
  expect(await bea.getByRole('radio', { name: 'Groep: Intervisiegroep Noord' }).isChecked()).toBe(true)
  await bea.getByRole('button', { name: 'Bijeenkomst aanmaken' }).click()
  const second = await linksOnCreatedPage(bea)

  // Everyone on the second board starts with the look-back. Each member opens their personal link:
  // Bea then the facilitator link (she comes in as Bea, the member), the others join from their page.
  const personal = (name: string) =>
    `${base}/g/${new URL(first.group).pathname.split('/')[2]}#lid=${members[name]}`
  const beaBoard = await checkablePage()
  await beaBoard.goto(personal('Bea'))
  await beaBoard.getByRole('heading', { level: 1, name: 'Je bent Bea in Intervisiegroep Noord' }).waitFor()
  await beaBoard.goto(second.facilitator)
  await beaBoard.getByText('Je doet mee als Bea, met je persoonlijke link van de groep.').waitFor()
  await beaBoard.getByRole('button', { name: 'Meedoen' }).click()
  await beaBoard.locator('.tl-canvas').waitFor()
  const asMember = async (page: Page, name: string) => {
    await page.goto(personal(name))
    await page.getByRole('heading', { level: 1, name: `Je bent ${name} in Intervisiegroep Noord` }).waitFor()
    await shot(page, `4a-member-page-${name}`)
    // The second meeting (the first has finished).
    await page.getByRole('button', { name: 'Meedoen' }).click()
    await page.locator('.tl-canvas').waitFor()
    return page
  }
  const ahmed = await asMember(await e2e.openPage(), 'Ahmed')
  const carla = await asMember(await checkablePage(), 'Carla')
  // A stranger with the invite link cannot be Ahmed, however they type it.
  const invite = new URL(second.invite).pathname + new URL(second.invite).hash
  const stranger = await e2e.openPage()
  await stranger.goto(base + invite)
  await stranger.getByLabel(/naam zoals de groep/i).fill(' ahmed ')
  await stranger.getByRole('button', { name: 'Meedoen' }).click()
  await stranger.getByText(/Iemand in deze bijeenkomst heet al zo/).waitFor()
  await shot(stranger, '4b-name-taken')
  await stranger.getByLabel(/naam zoals de groep/i).fill('Gast Gerrit')
  await stranger.getByRole('button', { name: 'Meedoen' }).click()
  await stranger.locator('.tl-canvas').waitFor()
  for (const page of [beaBoard, ahmed, carla]) {
    const dialog = page.getByRole('dialog', { name: 'Terugblik op de vorige keer' })
    await dialog.waitFor()
    await dialog.getByText(CASE).waitFor()
    await dialog.getByText(ADVICE).waitFor()
    await dialog.getByText(ACTION).waitFor()
  }
  await shot(carla, '4-look-back-participant')

  // Ahmed brought last time's case: he writes what came of it; Carla and Bea see it at once.
  const ahmedDialog = ahmed.getByRole('dialog', { name: 'Terugblik op de vorige keer' })
  await ahmedDialog.getByLabel('Wat kwam ervan terecht?').fill(FOLLOW_UP)
  await ahmedDialog.getByRole('button', { name: 'Opslaan' }).click()
  await ahmedDialog.getByText('Opgeslagen. Iedereen ziet het nu.').waitFor()
  await shot(ahmed, '5-look-back-inbrenger-saved')
  await carla.getByRole('dialog').getByText(FOLLOW_UP).waitFor()
  expect(await carla.getByRole('dialog').getByRole('textbox').count()).toBe(0)
  await expect
    .poll(() => beaBoard.getByRole('dialog').getByLabel('Wat kwam ervan terecht?').inputValue())
    .toBe(FOLLOW_UP)
  await shot(carla, '6-look-back-follow-up-seen')
  await accessible(carla, 'look-back dialog')

  // The stranger is a guest; Bea removes them, after asking. Their board closes for good.
  await beaBoard.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click()
  const guestRow = beaBoard.locator('.person').filter({ hasText: 'Gast Gerrit' })
  await guestRow.getByText('(gast)').waitFor()
  await guestRow.getByRole('button', { name: 'Verwijderen: Gast Gerrit' }).click()
  await guestRow.getByText('Gast Gerrit uit de bijeenkomst verwijderen?').waitFor()
  await shot(beaBoard, '6b-remove-confirm')
  await beaBoard
    .locator('.people-panel')
    .screenshot({ path: path.join(RESULTS_DIR, 'groups-6c-panel-remove.png') })
  await accessible(beaBoard, 'remove a participant')
  await guestRow.getByRole('button', { name: 'Ja, verwijderen' }).click()
  await stranger.getByRole('heading', { level: 1, name: 'Je bent uit de bijeenkomst verwijderd' }).waitFor()
  await guestRow.waitFor({ state: 'detached' })
  await shot(stranger, '6d-removed')

  // The register, to print and sign: both meetings, names and minutes, no case text.
  await bea.goto(first.group.split('#')[0]!)
  await bea.getByRole('button', { name: 'Presentielijst bekijken en afdrukken' }).click()
  await bea.getByRole('heading', { level: 1, name: 'Presentielijst' }).waitFor()
  await bea.locator('.attendance-table').waitFor()
  expect(await bea.locator('.attendance-table tbody tr').count()).toBe(2)
  await bea.locator('.attendance-table').getByText('Carla (deelnemer, 0 min)').waitFor()
  const text = await bea.locator('main').innerText()
  for (const secret of [CASE, ADVICE, ACTION, FOLLOW_UP, 'Groep Noord, eerste keer'])
    expect(text).not.toContain(secret)
  expect(text).toContain('Handtekening')
  await shot(bea, '7-register')
  await accessible(bea, 'register')
  await bea.emulateMedia({ media: 'print' })
  await shot(bea, '8-register-print')
  await bea.emulateMedia({ media: 'screen' })

  // Planned at 14:00 as typed, in the group's time zone (Europe/Amsterdam), whatever the browser's.
  expect(await bea.locator('.attendance-table tbody tr').first().innerText()).toMatch(/\b14:00–/)
  await bea.getByText('Alle tijden in tijdzone Europe/Amsterdam.').waitFor()

  // The group page names its meetings as the facilitator did, with day, time and method.
  await bea.getByRole('button', { name: 'Terug naar de groep' }).click()
  const series = bea.locator('.group-meetings li')
  await expect
    .poll(() => series.locator('.meeting-name__title').allTextContents())
    .toEqual(['Groep Noord, eerste keer', 'Groep Noord, tweede keer'])
  expect(await series.first().locator('.meeting-name__when').textContent()).toMatch(
    /^\w+dag \d+ \w+ 2026, \d\d:\d\d · Intervisie in 8 stappen$/,
  )
  await shot(bea, '7b-group-page-titles')

  // A group link that went further than the facilitators: a new one, after asking; the old one
  // stops working at once, for a colleague who still has it too.
  await bea.getByRole('button', { name: 'Nieuwe groepslink maken…' }).click()
  await accessible(bea, 'renew group link')
  await bea.getByRole('button', { name: 'Ja, nieuwe link' }).click()
  await bea.getByText('Nieuwe groepslink gemaakt. De oude werkt niet meer.').waitFor()
  const renewed = await bea.locator('input[data-link="group"]').inputValue()
  expect(renewed).toMatch(/\/g\/[A-Za-z0-9_-]{22}#groep=/)
  expect(renewed).not.toBe(first.group)
  await shot(bea, '9a-group-link-renewed')
  const colleague = await e2e.openPage()
  await colleague.goto(first.group)
  await colleague.getByText(/Deze groepslink werkt niet/).waitFor()
  await colleague.goto('about:blank')
  await colleague.goto(renewed)
  await colleague.getByRole('heading', { level: 1, name: 'Intervisiegroep Noord' }).waitFor()

  // Erasing the group, after asking: the link stops working.
  await bea.getByRole('button', { name: 'Groep wissen…' }).click()
  await shot(bea, '9-erase-group-confirm')
  await accessible(bea, 'erase group')
  // The question offers the export and the register first.
  const confirm = bea.getByRole('alertdialog')
  const [exported] = await Promise.all([
    bea.waitForEvent('download'),
    confirm.getByRole('button', { name: 'Alles exporteren (JSON)' }).click(),
  ])
  expect(exported.suggestedFilename()).toMatch(/^intervisiebord-Intervisiegroep-Noord-.*\.json$/)
  const [register] = await Promise.all([
    bea.waitForEvent('download'),
    confirm.getByRole('button', { name: 'Presentielijst downloaden (CSV)' }).click(),
  ])
  const registerPath = path.join(RESULTS_DIR, 'groups-erase-first-register.csv')
  await register.saveAs(registerPath)
  expect(readFileSync(registerPath, 'utf8')).toMatch(/^\uFEFFDatum \(Europe\/Amsterdam\);Methode;/)
  await bea
    .locator('.group-erase')
    .screenshot({ path: path.join(RESULTS_DIR, 'groups-9a-erase-confirm.png') })
  await bea.getByRole('button', { name: 'EN', exact: true }).click()
  await confirm.getByRole('button', { name: 'Export everything (JSON)' }).waitFor()
  await bea
    .locator('.group-erase')
    .screenshot({ path: path.join(RESULTS_DIR, 'groups-9b-erase-confirm-en.png') })
  await bea.getByRole('button', { name: 'NL', exact: true }).click()
  await bea.getByRole('button', { name: 'Ja, wissen' }).click()
  await bea.getByText('De groep is gewist. Deze link werkt niet meer.').waitFor()
  // A fresh load (only the fragment differs from the page we are on).
  await bea.goto('about:blank')
  await bea.goto(renewed)
  await bea.getByText(/Deze groepslink werkt niet/).waitFor()
  await shot(bea, '10-erased-link')
}, 120_000)
