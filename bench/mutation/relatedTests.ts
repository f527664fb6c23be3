import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Imports that run code: `import type` and `export type` are left out (they run nothing). */
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx']

const importCache = new Map<string, string[]>()

/** The repository's own files one file imports (relative specifiers only). */
function importsOf(root: string, file: string): string[] {
  const cached = importCache.get(path.join(root, file))
  if (cached) return cached
  const text = readFileSync(path.join(root, file), 'utf8')
  const out: string[] = []
  for (const pattern of [IMPORT, DYNAMIC]) {
    for (const match of text.matchAll(pattern)) {
      const spec = match[1]!
      if (!spec.startsWith('.')) continue
      const base = path.join(path.dirname(file), spec)
      const hit = EXTENSIONS.map((ext) => base + ext).find(
        (candidate) => /\.(m?ts|tsx)$/.test(candidate) && existsSync(path.join(root, candidate)),
      )
      if (hit) out.push(hit)
    }
  }
  importCache.set(path.join(root, file), out)
  return out
}

/** Files that start a real server: a test reaching them is slow to run. */
const SERVER_ENTRIES = [
  'server/src/server.ts',
  'tests/helpers/serverProcess.ts',
  'tests/helpers/boardServer.ts',
]

/**
 * Which test files run a source file, by import search over (non-type) imports, in tiers from the
 * quickest to find a mutant to the slowest:
 * - `near`: tests that start no server and import the file in their own text;
 * - `close`: tests that start no server and import it through one other file;
 * - `direct`: tests that start a server and import the file in their own text (not only through
 *   a helper: helpers bring rules into nearly every server test);
 * - `far`: tests that start no server and reach the file through two or more other files;
 * - `deep`: tests that start a server and reach the file through a helper or the server.
 */
export class RelatedTests {
  private readonly tests: Array<{ file: string; starts: boolean; depth: Map<string, number> }> = []

  constructor(
    private readonly root: string,
    testFiles: readonly string[],
  ) {
    for (const file of testFiles) {
      const depth = this.depths(file)
      const starts = SERVER_ENTRIES.some((entry) => depth.has(entry))
      this.tests.push({ file, starts, depth })
    }
  }

  of(file: string): Record<'near' | 'close' | 'direct' | 'far' | 'deep', string[]> {
    const related = {
      near: [] as string[],
      close: [] as string[],
      direct: [] as string[],
      far: [] as string[],
      deep: [] as string[],
    }
    for (const test of this.tests) {
      const depth = test.depth.get(file)
      if (depth === undefined) continue
      if (!test.starts && depth === 1) related.near.push(test.file)
      else if (!test.starts && depth === 2) related.close.push(test.file)
      else if (test.starts && depth === 1) related.direct.push(test.file)
      else if (!test.starts) related.far.push(test.file)
      else related.deep.push(test.file)
    }
    return related
  }

  /** Every file the test's imports reach, with the fewest steps it takes (breadth first). */
  private depths(start: string): Map<string, number> {
    const depth = new Map<string, number>([[start, 0]])
    let frontier = [start]
    for (let step = 1; frontier.length > 0; step++) {
      const next: string[] = []
      for (const file of frontier) {
        for (const imported of importsOf(this.root, file)) {
          if (depth.has(imported)) continue
          depth.set(imported, step)
          next.push(imported)
        }
      }
      frontier = next
    }
    return depth
  }
}
