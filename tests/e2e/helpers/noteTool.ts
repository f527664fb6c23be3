import type { Page } from 'playwright-core'

interface BoardState {
  noteToolOn: boolean
  notes: number
  editing: boolean
  /** What a click at the point would reach: the canvas, or which element lies over it. */
  atPoint: string
}

/** What the board in the page shows, read from the DOM (the production build exposes no editor). */
function boardState(page: Page, at: { x: number; y: number }): Promise<BoardState> {
  return page.evaluate(({ x, y }) => {
    const tool = document.querySelector('[data-testid="tools.note"]')
    const hit = document.elementFromPoint(x, y) as HTMLElement | null
    return {
      noteToolOn:
        tool?.getAttribute('aria-pressed') === 'true' ||
        tool?.getAttribute('data-state') === 'on' ||
        tool?.getAttribute('data-isactive') === 'true',
      notes: document.querySelectorAll('.tl-shape[data-shape-type="note"]').length,
      editing: (document.activeElement as HTMLElement | null)?.isContentEditable === true,
      atPoint: !hit
        ? 'nothing'
        : hit.closest('.tl-canvas')
          ? 'canvas'
          : `${hit.tagName.toLowerCase()}.${String(hit.className).split(' ').join('.')}`,
    }
  }, at)
}

/** Resolves once a note's text editor has the caret (keys typed before would go astray). */
function caretInNote(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => (document.activeElement as HTMLElement | null)?.isContentEditable === true,
    undefined,
    { timeout: 15_000 },
  )
}

/**
 * Makes a note with tldraw's note tool at a point and waits until its text editor has the caret,
 * as a person does who sees it open before typing. Waits for the tool to be on and the point to
 * reach the canvas first (a slow page or an overlay would swallow the click). If the note does
 * not open, fails with what the board showed instead of a bare timeout.
 */
export async function placeNoteWithTool(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId('tools.note').click()
  const deadline = Date.now() + 10_000
  let ready = await boardState(page, at)
  while (!(ready.noteToolOn && ready.atPoint === 'canvas')) {
    if (Date.now() > deadline) {
      throw new Error(`the note tool is not ready to click at (${at.x}, ${at.y}): ${JSON.stringify(ready)}`)
    }
    await page.waitForTimeout(100)
    ready = await boardState(page, at)
  }
  await page.mouse.click(at.x, at.y)
  try {
    await caretInNote(page)
  } catch {
    const after = await boardState(page, at)
    throw new Error(
      `the note tool's click at (${at.x}, ${at.y}) did not open a note for typing; ` +
        `before: ${JSON.stringify(ready)}; after: ${JSON.stringify(after)}`,
    )
  }
}

/**
 * Writes a note's text once its editor has the caret. By default as one text input (what a paste
 * or a phone's keyboard sends): with five boards live on two cores each keystroke costs a round of
 * renders, so tests that are not about typing do not type key by key. `keystrokes` types key by
 * key, for the tests that are about what typing does.
 */
export async function writeInNote(
  page: Page,
  text: string,
  { keystrokes = false }: { keystrokes?: boolean } = {},
): Promise<void> {
  await caretInNote(page)
  if (keystrokes) await page.keyboard.type(text)
  else await page.keyboard.insertText(text)
}
