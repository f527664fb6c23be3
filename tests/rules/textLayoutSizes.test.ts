import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARROW_LABEL_FACTOR, FONT_FACTOR, hardLines } from '../../shared/textLayout'

/**
 * The server's text estimate (textLayout.ts) goes by tldraw's own font sizes; tldraw keeps them
 * internal, so they are read from the installed tldraw's source: an upgrade that changes them
 * shows here. A rich text with holes in it (null, a number where a node goes) is read past.
 */
const tldrawDir = path.resolve(import.meta.dirname, '../../node_modules/tldraw')
const constants = readFileSync(
  path.join(tldrawDir, 'src/lib/shapes/shared/default-shape-constants.ts'),
  'utf8',
)

function tldrawSizes(name: string): Record<string, number> {
  const body = new RegExp(`export const ${name}\\b[^{]*\\{([^}]*)\\}`).exec(constants)?.[1]
  if (!body) throw new Error(`${name} not found in tldraw`)
  return Object.fromEntries([...body.matchAll(/(\w+):\s*([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]))
}

describe('the text estimate', () => {
  it('uses the font sizes of the installed tldraw', () => {
    expect(FONT_FACTOR).toEqual(tldrawSizes('FONT_SIZES'))
    expect(ARROW_LABEL_FACTOR).toEqual(tldrawSizes('ARROW_LABEL_FONT_SIZES'))
  })

  it('reads past holes in a rich text', () => {
    const doc = {
      type: 'doc',
      content: [null, 7, { type: 'paragraph', content: [null, { type: 'text', text: 'abc' }] }],
    }
    expect(hardLines(doc)).toEqual([3])
  })
})
