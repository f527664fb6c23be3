import { describe, expect, it } from 'vitest'
import { cycles, importGraph } from './importGraph'

/**
 * No module may reach itself through relative imports, type-only ones included: a cycle makes the
 * load order decide what is undefined at start-up and hides which module owns a concept.
 */
describe('import cycles', () => {
  it('finds the modules of the three source folders', () => {
    expect(importGraph().size).toBeGreaterThan(100)
  })

  it('has none in client/src, server/src and shared (type-only imports included)', () => {
    const named = cycles(importGraph()).map((c) => c.join(' ↔ '))
    expect(
      named,
      `import cycles; move the shared piece to a module of its own:\n${named.join('\n')}`,
    ).toEqual([])
  })
})
