import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Where each writes for themself (method 5's questions, method 12's flaps, G1, G2, G4), what a
 * member types is a sealed draft, stored on the server moments later; the reveal at the next
 * phase puts only what is stored on the board. Before moving on, a test waits until the
 * begeleider's panel "Wie schrijft er" shows `name` with `count` stored notes.
 */
export async function draftsStored(bea: Page, name: string, count: number): Promise<void> {
  const row = bea.locator('.draft-progress__row').filter({
    has: bea.locator('.draft-progress__name', { hasText: new RegExp(`^${name}$`) }),
  })
  await expect
    .poll(() => row.locator('span').nth(2).textContent(), { timeout: 10_000 })
    .toBe(`${count} notitie(s)`)
}
