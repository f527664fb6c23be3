import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { DEFAULT_LIMITS, LIMIT_SETTINGS } from '../../server/src/limits'

// The limits table moved from the README to docs/operating.md (issue 19).
const OPERATING = readFileSync(path.resolve(import.meta.dirname, '../../docs/operating.md'), 'utf8')

it('the limits table (docs/operating.md) names every limit with its default and what a client over it gets', () => {
  for (const { key, env, over } of LIMIT_SETTINGS) {
    expect(OPERATING, env).toContain(`| \`${env}\` | ${DEFAULT_LIMITS[key]} | ${over} |`)
  }
  const documented = [...OPERATING.matchAll(/\| `(LIMIT_[A-Z_]+)` \|/g)].map((m) => m[1])
  expect(new Set(documented)).toEqual(new Set(LIMIT_SETTINGS.map((s) => s.env)))
})
