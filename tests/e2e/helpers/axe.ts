import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface Violation {
  id: string
  help: string
  nodes: Array<{ target: unknown[]; failureSummary?: string }>
}

/**
 * What axe-core finds on the page as it is now, as a compact list for a failure message. The page
 * must come from a context with `bypassCSP` (axe is injected from outside the app). tldraw's
 * canvas layers are left out, as in accessibility.test.ts: the library draws them.
 */
export async function axeViolations(
  page: Page,
  exclude: readonly string[] = ['.tl-canvas'],
): Promise<string[]> {
  await page.addScriptTag({ path: AXE })
  const found = (await page.evaluate(async (excluded) => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown }> } }
    ).axe
    const result = await axe.run({ exclude: excluded.map((s) => [s]) }, { resultTypes: ['violations'] })
    return result.violations
  }, exclude)) as Violation[]
  return found.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} @ ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
  )
}
