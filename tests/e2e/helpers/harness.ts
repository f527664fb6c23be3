import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../helpers/serverProcess'
import { launchBrowser, recordTraffic, watchCspViolations } from './browser'

/** Where browser tests leave their screenshots. */
export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../../test-results')
export const VIEWPORT = { width: 1280, height: 800 }

export interface E2E {
  readonly server: ServerProcess
  readonly browser: Browser
  /** A page in a fresh browser context (a separate person), recording its requests into `traffic`. */
  openPage(traffic?: string[], setup?: (context: BrowserContext) => Promise<void>): Promise<Page>
  /** A context closed with the others after the file's tests. */
  track(context: BrowserContext): BrowserContext
}

/**
 * The real server (child process, fresh data dir) and Debian's Chromium for one test file,
 * started before its tests and stopped after them.
 */
export function serverAndBrowserForFile(): E2E {
  let server: ServerProcess | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true })
    server = await startServerProcess()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.stop()
  })
  const e2e: E2E = {
    get server() {
      if (!server) throw new Error('server not started')
      return server
    },
    get browser() {
      if (!browser) throw new Error('browser not launched')
      return browser
    },
    track(context) {
      contexts.push(context)
      return context
    },
    async openPage(traffic = [], setup) {
      const context = e2e.track(await e2e.browser.newContext({ viewport: VIEWPORT }))
      await setup?.(context)
      const page = await context.newPage()
      recordTraffic(page, traffic)
      await watchCspViolations(page)
      return page
    },
  }
  return e2e
}
