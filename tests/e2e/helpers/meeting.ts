import { randomBytes } from 'node:crypto'
import type { Page } from 'playwright-core'
import type { E2E } from './harness'

/** The two links a new meeting gives: the facilitator's and the group's. */
export interface MeetingLinks {
  facilitatorPath: string
  invitePath: string
}

/**
 * Creates a meeting with a method through the public API, as the new-meeting page does: the
 * meeting key (for sealed drafts) is made here and added to both links' fragments.
 */
export async function createMeeting(
  serverUrl: string,
  templateId: string,
  title: string,
  { withKey = true }: { withKey?: boolean } = {},
): Promise<MeetingLinks> {
  const res = await fetch(`${serverUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ templateId, title }),
  })
  if (!res.ok) throw new Error(`creating a ${templateId} meeting failed: ${res.status} ${await res.text()}`)
  const links = (await res.json()) as MeetingLinks
  if (!withKey) return links
  const key = `&sleutel=${randomBytes(32).toString('base64url')}`
  return { facilitatorPath: links.facilitatorPath + key, invitePath: links.invitePath + key }
}

export const TABLET = { width: 1024, height: 768 }

/**
 * A person in their own browser context who joins through a link: on a laptop (1280x800, the
 * harness's page, which records requests and CSP violations) or a 1024x768 touch tablet.
 */
export async function joinAs(
  e2e: E2E,
  link: string,
  name: string,
  screen: 'laptop' | 'tablet' = 'laptop',
): Promise<Page> {
  const page =
    screen === 'tablet'
      ? await e2e.track(await e2e.browser.newContext({ viewport: TABLET, hasTouch: true })).newPage()
      : await e2e.openPage()
  await page.goto(e2e.server.url + link)
  await page.getByLabel(/naam zoals de groep/i).fill(name)
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page.locator('.tl-canvas').waitFor()
  return page
}

/** A finger drag from one point to another, as touch events (Chromium makes pointer events of them). */
export async function touchDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 24,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const point = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y), id: 1 }]
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) })
  await page.waitForTimeout(120)
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps
    const y = from.y + ((to.y - from.y) * i) / steps
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) })
    await page.waitForTimeout(30)
  }
  await page.waitForTimeout(120)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}
