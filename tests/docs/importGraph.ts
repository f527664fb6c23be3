import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** The relative imports of client/src, server/src and shared, and the cycles among them. */
export const ROOT = path.resolve(__dirname, '../..')
const SOURCE_ROOTS = ['client/src', 'server/src', 'shared']
const EXTENSIONS = ['.ts', '.tsx']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts') ? [full] : []
  })
}

/** `import … from './x'`, `import type …`, `export … from`, `import('./x')`, bare `import './x'`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''))
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ]
  return candidates.find((c) => existsSync(c) && statSync(c).isFile())
}

export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const root of SOURCE_ROOTS) {
    for (const file of sourceFiles(path.join(ROOT, root))) {
      const text = readFileSync(file, 'utf8')
      const targets = [...text.matchAll(SPECIFIER)]
        .map((m) => resolve(file, m[1]!))
        .filter((t): t is string => t !== undefined)
      graph.set(file, [...new Set(targets)])
    }
  }
  return graph
}

/** Tarjan's strongly connected components; every component of more than one file (or a self-import) is a cycle. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string): void => {
    index.set(v, counter)
    low.set(v, counter)
    counter++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!))
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component)
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found.map((c) => c.map((f) => path.relative(ROOT, f)).sort())
}
