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
 * Which test files run a source file, by import search over (non-type) imports:
 * - `near`: tests that start no server and import the file in their own text;
 * - `fast`: other tests that start no server and have the file in their imports' closure;
 * - `direct`: tests that start a server and import the file in their own text (not only through
 *   a helper: helpers bring rules into nearly every server test);
 * - `deep`: tests that reach the file only through the server they start.
 */
export class RelatedTests {
  private readonly tests: Array<{ file: string; starts: boolean; own: Set<string>; all: Set<string> }> = []

  constructor(
    private readonly root: string,
    testFiles: readonly string[],
  ) {
    for (const file of testFiles) {
      const all = this.closure(file)
      const starts = SERVER_ENTRIES.some((entry) => all.has(entry))
      this.tests.push({ file, starts, own: new Set(importsOf(root, file)), all })
    }
  }

  of(file: string): { near: string[]; fast: string[]; direct: string[]; deep: string[] } {
    const related = {
      near: [] as string[],
      fast: [] as string[],
      direct: [] as string[],
      deep: [] as string[],
    }
    for (const test of this.tests) {
      if (!test.all.has(file)) continue
      if (!test.starts && test.own.has(file)) related.near.push(test.file)
      else if (!test.starts) related.fast.push(test.file)
      else if (test.own.has(file)) related.direct.push(test.file)
      else related.deep.push(test.file)
    }
    return related
  }

  private closure(start: string): Set<string> {
    const seen = new Set<string>([start])
    const queue = [start]
    while (queue.length > 0) {
      const file = queue.pop()!
      for (const next of importsOf(this.root, file)) {
        if (seen.has(next)) continue
        seen.add(next)
        queue.push(next)
      }
    }
    return seen
  }
}
