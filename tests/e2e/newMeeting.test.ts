import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { cspViolations, foreignUrls } from './helpers/browser'
import { RESULTS_DIR, serverAndBrowserForFile } from './helpers/harness'

/**
 * The new-meeting screen end to end: the real server, the built client (run `npx vite build`
 * first), the method library from the server and a meeting created with it.
 */
const e2e = serverAndBrowserForFile()

async function openPage(traffic: string[]): Promise<Page> {
  const page = await e2e.openPage(traffic, (context) =>
    context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.url }),
  )
  // A step that hangs should fail with its locator, well before the test's own timeout.
  page.setDefaultTimeout(10_000)
  return page
}

/** The method cards: one radio button each, in the group "Methodes". */
function methodRadios(page: Page) {
  return page.getByRole('group', { name: 'Methodes' }).getByRole('radio')
}

function resultsCount(page: Page) {
  return page.locator('.picker__count[role="status"]')
}

/** Minutes of one run through each method, as the server's library has them. */
async function libraryMinutes(): Promise<number[]> {
  const response = await fetch(`${e2e.server.url}/api/templates`)
  const { templates } = (await response.json()) as {
    templates: Array<{ phases: Array<{ minutes: number }> }>
  }
  return templates.map((template) => template.phases.reduce((sum, phase) => sum + phase.minutes, 0))
}

describe('the new-meeting screen', () => {
  it('is linked from the front page', async () => {
    const traffic: string[] = []
    const page = await openPage(traffic)
    await page.goto(e2e.server.url)
    const link = page.getByRole('link', { name: 'Bijeenkomst met een methode' })
    expect(await link.getAttribute('href')).toBe('/nieuw')
    await link.click()
    await page.waitForURL(`${e2e.server.url}/nieuw`)
    await page.getByRole('heading', { level: 1, name: 'Nieuwe bijeenkomst' }).waitFor()
    expect(foreignUrls(traffic, e2e.server.url)).toEqual([])
  })

  it('finds, previews and creates a meeting with a method, talking to our server only', async () => {
    const traffic: string[] = []
    const page = await openPage(traffic)
    await page.goto(`${e2e.server.url}/nieuw`)

    // The whole library: 18 methods, each a radio button with a board preview.
    await methodRadios(page).first().waitFor()
    expect(await methodRadios(page).count()).toBe(18)
    expect(await resultsCount(page).textContent()).toBe('18 methodes')
    expect(await page.locator('.method-card svg.board-preview rect').count()).toBeGreaterThan(18 * 4)

    // Search ignores diacritics: "intuitieve" finds "Intuïtieve methode".
    const search = page.getByRole('searchbox', { name: 'Zoeken' })
    await search.fill('intuitieve')
    expect(await methodRadios(page).count()).toBe(1)
    expect(await resultsCount(page).textContent()).toBe('1 van 18 methodes')
    await page.getByRole('radio', { name: 'Intuïtieve methode' }).waitFor()
    await search.fill('roddel')
    expect(await methodRadios(page).count()).toBe(2)
    await search.fill('geen methode heet zo')
    expect(await methodRadios(page).count()).toBe(0)
    await page.getByRole('button', { name: 'Zoeken en filter wissen' }).click()
    expect(await methodRadios(page).count()).toBe(18)

    // The duration filter narrows the list to the methods of 60 minutes or less.
    const upTo60 = (await libraryMinutes()).filter((minutes) => minutes <= 60).length
    expect(upTo60).toBeGreaterThan(0)
    expect(upTo60).toBeLessThan(18)
    await page.getByRole('radio', { name: 'Hooguit 60 min' }).check()
    expect(await methodRadios(page).count()).toBe(upTo60)
    expect(await resultsCount(page).textContent()).toBe(`${upTo60} van 18 methodes`)
    await page.getByRole('radio', { name: 'Meer dan 75 min' }).check()
    await search.fill('intuitieve')
    expect(await methodRadios(page).count()).toBe(1)
    await page.getByRole('radio', { name: 'Alle', exact: true }).check()
    await search.fill('')
    expect(await methodRadios(page).count()).toBe(18)

    // Pick the gossip method; arrow keys move through the group like any radio group.
    const gossip = page.getByRole('radio', { name: 'Roddelmethode', exact: true })
    await gossip.check()
    const details = page.locator('.method-details')
    await details.getByRole('heading', { level: 2, name: 'Roddelmethode' }).waitFor()
    await gossip.focus()
    await page.keyboard.press('ArrowDown')
    await details.getByRole('heading', { level: 2, name: 'Roddelmethode met advies' }).waitFor()
    await page.keyboard.press('ArrowUp')
    await details.getByRole('heading', { level: 2, name: 'Roddelmethode' }).waitFor()
    expect(await gossip.isChecked()).toBe(true)
    expect(await details.locator('.phase-list__item').count()).toBe(5)
    expect(await details.getByRole('img', { name: /Voorbeeld van het bord/ }).count()).toBe(1)

    // Its English face: the names and roles follow the language.
    await page.getByRole('button', { name: 'EN', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'New meeting' }).waitFor()
    expect(await resultsCount(page).textContent()).toBe('18 methods')
    await page.getByRole('button', { name: 'NL', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Nieuwe bijeenkomst' }).waitFor()

    await mkdir(RESULTS_DIR, { recursive: true })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: path.join(RESULTS_DIR, 'new-meeting.png') })

    // A refusal is worded by its code and data, in our words (never the server's sentence).
    await page.route('**/api/meetings', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: 'unknown_template',
          templateId: 'x',
          message: 'Unknown method template "x".',
        }),
      }),
    )
    const create = page.getByRole('button', { name: 'Bijeenkomst aanmaken' })
    await create.click()
    const alert = details.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('De methode “x” bestaat niet (meer) op deze server.')
    expect(await alert.textContent()).not.toContain('Unknown method template')
    await page.unroute('**/api/meetings')

    // Create it for real, with a title of our own.
    await details.getByLabel('Titel van de bijeenkomst (optioneel)').fill('Intervisie team Noord')
    await create.click()
    await page.getByRole('heading', { level: 1, name: 'De bijeenkomst staat klaar' }).waitFor()
    const facilitatorUrl = await page.locator('input[data-link="facilitator"]').inputValue()
    const inviteUrl = await page.locator('input[data-link="invite"]').inputValue()
    expect(facilitatorUrl.startsWith(`${e2e.server.url}/m/`)).toBe(true)
    expect(inviteUrl.startsWith(`${e2e.server.url}/m/`)).toBe(true)
    expect(facilitatorUrl).toMatch(/#begeleider=.+/)
    expect(inviteUrl).toMatch(/#uitnodiging=.+/)
    const meetingId = new URL(inviteUrl).pathname.split('/').pop()!
    expect(new URL(facilitatorUrl).pathname).toBe(`/m/${meetingId}`)
    await page.screenshot({ path: path.join(RESULTS_DIR, 'new-meeting-created.png'), fullPage: true })

    // The facilitator's browser keeps the invite link for the meeting page.
    const stored = await page.evaluate(
      (key) => localStorage.getItem(key),
      `intervisiebord.invite.${meetingId}`,
    )
    expect(stored).toBe(inviteUrl)

    // The invite link opens the meeting the server made, with our method and title.
    const secret = new URLSearchParams(new URL(inviteUrl).hash.slice(1)).get('uitnodiging')!
    const joined = await fetch(`${e2e.server.url}/api/meetings/${meetingId}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret, name: 'Controle' }),
    })
    expect(joined.status).toBe(201)
    const { token } = (await joined.json()) as { token: string }
    const meeting = await fetch(`${e2e.server.url}/api/meetings/${meetingId}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    const { view } = (await meeting.json()) as { view: { templateId: string; title: string } }
    expect(view).toMatchObject({ templateId: 'roddelmethode', title: 'Intervisie team Noord' })

    // Copy puts the full link on the clipboard.
    await page.getByRole('button', { name: /^Kopiëren\W+Uitnodigingslink voor de groep$/ }).click()
    await page.getByRole('button', { name: /^Gekopieerd\W+Uitnodigingslink voor de groep$/ }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl)

    expect(foreignUrls(traffic, e2e.server.url)).toEqual([])
    expect(await cspViolations(page)).toEqual([])

    // In as facilitator: the fragment with the secret reaches the meeting page.
    // (The first navigation counts: the meeting page may take the secret out of the address bar.)
    const arrived = page.waitForEvent(
      'framenavigated',
      (frame) => frame === page.mainFrame() && new URL(frame.url()).pathname === `/m/${meetingId}`,
    )
    await page.getByRole('button', { name: 'Open de bijeenkomst als begeleider' }).click()
    expect((await arrived).url()).toBe(facilitatorUrl)
  }, 60_000)
})
