import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's Chromium: no browser download works on this machine. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Headless Chromium without background traffic of its own (updates, sync, QUIC probes). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** Every URL a page asks for: HTTP requests and WebSocket connections. */
export function recordTraffic(page: Page, into: string[]): void {
  page.on('request', (request) => into.push(request.url()))
  page.on('websocket', (socket) => into.push(socket.url()))
}

/** URLs that leave `origin` (data: and blob: URLs never reach the network). */
export function foreignUrls(urls: readonly string[], origin: string): string[] {
  const { host } = new URL(origin)
  return urls.filter((url) => {
    const parsed = new URL(url)
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false
    return parsed.host !== host
  })
}

/**
 * Collects Content-Security-Policy violations in the page (`window.__cspViolations`), so a test
 * can assert that the strict policy the server sends blocks nothing the app needs.
 */
export async function watchCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = violations
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
}
