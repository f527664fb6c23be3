import type { Page } from 'playwright-core'

/**
 * The phase chips whose text does not fit: a chip (or a text in it) wider inside than it shows.
 * Returns their tooltips' first lines ("3. Vragen waarderen, 5 min").
 */
export function cutOffChips(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = []
    for (const chip of document.querySelectorAll<HTMLElement>('.phase-step')) {
      const parts = [
        chip,
        ...chip.querySelectorAll<HTMLElement>('span:not(.phase-step__fill, .visually-hidden)'),
      ]
      const shown = parts.filter((el) => el.getClientRects().length > 0)
      const box = chip.getBoundingClientRect()
      const over = shown.some((el) => {
        const r = el.getBoundingClientRect()
        return el.scrollWidth > el.clientWidth + 1 || r.right > box.right + 0.5 || r.left < box.left - 0.5
      })
      if (over) cut.push(chip.title.split('\n')[0] ?? chip.className)
    }
    return cut
  })
}

/**
 * What of the meeting's chrome (header, bars above the board, the board's action bar, the side
 * panels) is not whole on screen: a visible control or chip outside the viewport, or wider inside
 * than it shows, and the page itself wider than the window. Each as "selector: why".
 */
export function chromeCutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth) problems.push(`page: ${root.scrollWidth} > ${root.clientWidth}`)
    const w = window.innerWidth
    const h = window.innerHeight
    const parts = document.querySelectorAll<HTMLElement>(
      [
        '.board-header button',
        '.board-header .language-toggle',
        '.board-header .connection',
        '.meeting-top button',
        '.meeting-top select',
        '.meeting-top .phase-step',
        '.meeting-top .phase-timer',
        '.meeting-top label',
        '.canvas-actions button',
        '.people-panel',
        '.notes-list',
      ].join(','),
    )
    for (const el of parts) {
      if (el.getClientRects().length === 0 || el.closest('[hidden], .visually-hidden')) continue
      const r = el.getBoundingClientRect()
      const name = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`
      if (r.left < -0.5 || r.right > w + 0.5 || r.top < -0.5 || r.bottom > h + 0.5)
        problems.push(`${name}: outside (${Math.round(r.left)}..${Math.round(r.right)} of ${w})`)
      else if (
        el.scrollWidth > el.clientWidth + 1 &&
        el.tagName !== 'SELECT' &&
        !el.matches('.people-panel, .notes-list')
      )
        problems.push(`${name}: cut (${el.scrollWidth} > ${el.clientWidth})`)
    }
    return problems
  })
}
