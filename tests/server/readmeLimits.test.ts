import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { DEFAULT_LIMITS, LIMIT_SETTINGS } from '../../server/src/limits'

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')

it('the README limits table names every limit with its default and what a client over it gets', () => {
  for (const { key, env, over } of LIMIT_SETTINGS) {
    expect(README, env).toContain(`| \`${env}\` | ${DEFAULT_LIMITS[key]} | ${over} |`)
  }
  const documented = [...README.matchAll(/\| `(LIMIT_[A-Z_]+)` \|/g)].map((m) => m[1])
  expect(new Set(documented)).toEqual(new Set(LIMIT_SETTINGS.map((s) => s.env)))
})
