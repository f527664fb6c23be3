import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { cspViolations, foreignUrls } from './helpers/browser'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'

/**
 * Links where people paste them: the front page's open box takes an invite link, a facilitator
 * link or a bare meeting code and leads to the meeting's join screen, which names the meeting,
 * its method and its facilitator. A facilitator in another browser renews the invite link; the
 * old one is refused, the new one lets people in. Run `npx vite build` first.
 */
const e2e = serverAndBrowserForFile()
const traffic: string[] = []

interface Meeting {
  meetingId: string
  facilitatorUrl: string
  inviteUrl: string
}
let meeting: Meeting

beforeAll(async () => {
  const res = await fetch(`${e2e.server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ templateId: 'warm-neutraal-koud', title: 'Teamintervisie Noord' }),
  })
  const created = (await res.json()) as { meetingId: string; facilitatorPath: string; invitePath: string }
  meeting = {
    meetingId: created.meetingId,
    facilitatorUrl: e2e.server.url + created.facilitatorPath,
    inviteUrl: e2e.server.url + created.invitePath,
  }
})

async function openPage(): Promise<Page> {
  const page = await e2e.openPage(traffic, (context) =>
    context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.url }),
  )
  page.setDefaultTimeout(10_000)
  return page
}

/** Pastes into the front page's open box and submits it. */
async function paste(page: Page, text: string): Promise<void> {
  await page.goto(e2e.server.url)
  await page.getByLabel('Link of code').fill(text)
  await page.getByRole('button', { name: 'Openen', exact: true }).click()
}

async function join(page: Page, name: string): Promise<void> {
  await page.getByLabel(/naam zoals de groep/i).fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.locator('.tl-canvas').waitFor()
}

const joinHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Meedoen aan Teamintervisie Noord' })

describe('the open box', () => {
  it('takes a facilitator link, an invite link and a bare meeting code to the join screen', async () => {
    // The facilitator link, pasted with the spaces a chat app adds.
    const bea = await openPage()
    await paste(bea, `  ${meeting.facilitatorUrl}  `)
    await joinHeading(bea).waitFor()
    expect(new URL(bea.url()).pathname).toBe(`/m/${meeting.meetingId}`)
    await bea.getByText('Je opent deze bijeenkomst als begeleider.').waitFor()
    await join(bea, 'Bea Begeleider')

    // The invite link: the screen names the meeting, the method and the facilitator.
    const ina = await openPage()
    await paste(ina, meeting.inviteUrl)
    await joinHeading(ina).waitFor()
    const facts = ina.getByRole('definition')
    expect(await facts.allTextContents()).toEqual(['Warm, neutraal, koud', 'Bea Begeleider'])
    await ina.getByText('Je bent uitgenodigd voor deze intervisiebijeenkomst.').waitFor()
    // The secret left the address bar once read; it never went to the server in a URL.
    expect(new URL(ina.url()).hash).toBe('')
    await ina.evaluate(() => window.scrollTo(0, 0))
    await ina.screenshot({ path: path.join(RESULTS_DIR, 'links-join-screen.png') })

    // A bare code is a meeting's: its join screen, which asks for the key, never an empty board.
    const piet = await openPage()
    await paste(piet, meeting.meetingId)
    await piet.getByRole('heading', { level: 1, name: 'Meedoen aan een bijeenkomst' }).waitFor()
    expect(new URL(piet.url()).pathname).toBe(`/m/${meeting.meetingId}`)
    await piet.screenshot({ path: path.join(RESULTS_DIR, 'links-join-without-key.png') })
    await piet.getByLabel('Plak hier de hele uitnodigingslink').fill(meeting.inviteUrl)
    await piet.getByRole('button', { name: 'Verder' }).click()
    await joinHeading(piet).waitFor()
    await join(piet, 'Piet')

    for (const page of [bea, ina, piet]) expect(await cspViolations(page)).toEqual([])
    expect(foreignUrls(traffic, e2e.server.url)).toEqual([])
    expect(traffic.filter((url) => url.includes('uitnodiging') || url.includes('begeleider='))).toEqual([])
  }, 60_000)

  it('says what it expected when it cannot read a paste', async () => {
    const page = await openPage()
    await paste(page, 'https://zoom.us/j/123456789')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Verwacht wordt een link met /m/ (bijeenkomst) of /b/')
    await page.getByLabel('Link of code').fill(meeting.inviteUrl.slice(0, -10))
    await page.getByRole('button', { name: 'Openen', exact: true }).click()
    await page.getByText('De sleutel in deze link is afgebroken').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    await page.screenshot({ path: path.join(RESULTS_DIR, 'links-front-page.png') })
  })
})

describe('renewing the invite link', () => {
  it('works from another browser; the old link is refused, the new one lets people in', async () => {
    // Bea's second browser knows only the facilitator link, not the invite link.
    const tablet = await openPage()
    await tablet.goto(meeting.facilitatorUrl)
    await join(tablet, 'Bea op de tablet')
    const panel = tablet.locator('.invite')
    await panel.getByText('De server bewaart alleen een vingerafdruk van de link').waitFor()
    await panel.getByRole('button', { name: 'Nieuwe uitnodigingslink maken' }).click()
    await panel.getByText('Nieuwe link gemaakt. De vorige werkt niet meer.').waitFor()
    const newUrl = await panel.locator('input[data-link="invite"]').inputValue()
    expect(newUrl).toMatch(
      new RegExp(`^${e2e.server.url}/m/${meeting.meetingId}#uitnodiging=[A-Za-z0-9_-]{43}$`),
    )
    expect(newUrl).not.toBe(meeting.inviteUrl)
    await panel.getByRole('button', { name: 'Kopiëren' }).click()
    expect(await tablet.evaluate(() => navigator.clipboard.readText())).toBe(newUrl)
    await tablet.screenshot({ path: path.join(RESULTS_DIR, 'links-renewed.png') })

    // The old link is refused on the join screen, which takes the new one.
    const late = await openPage()
    await late.goto(meeting.inviteUrl)
    await late.getByRole('heading', { level: 1, name: 'Deze link werkt niet (meer)' }).waitFor()
    expect(await late.getByLabel(/naam zoals de groep/i).count()).toBe(0)
    await late.screenshot({ path: path.join(RESULTS_DIR, 'links-join-old-link.png') })
    await late.getByLabel('Heb je een nieuwe link gekregen? Plak hem hier').fill(newUrl)
    await late.getByRole('button', { name: 'Verder' }).click()
    await joinHeading(late).waitFor()
    await join(late, 'Laatkomer')

    // And the server agrees: joining with the old secret is refused.
    const oldSecret = new URL(meeting.inviteUrl).hash.replace('#uitnodiging=', '')
    const refused = await fetch(`${e2e.server.url}/api/meetings/${meeting.meetingId}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret: oldSecret, name: 'Oud' }),
    })
    expect(refused.status).toBe(403)
  }, 60_000)
})
