import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Issue 18: zod stays out of every page but the new-meeting page (the only one that parses a
 * template). The client is built as `npm run build` builds it, with a manifest, into .tmp/; a
 * route's initial load is its entry and route chunk with everything they import statically.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const OUT = path.join(ROOT, '.tmp/client-zod-test')

interface ManifestChunk {
  file: string
  imports?: string[]
  isEntry?: boolean
}
let manifest: Record<string, ManifestChunk>

beforeAll(() => {
  execFileSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      OUT,
      '--emptyOutDir',
      '--manifest',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  manifest = JSON.parse(readFileSync(path.join(OUT, '.vite/manifest.json'), 'utf8'))
}, 300_000)

afterAll(() => rmSync(OUT, { recursive: true, force: true }))

/** The JavaScript files a route loads before it shows anything. */
function initialFiles(page: string | null): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!
  const roots = [entry]
  if (page) roots.push(Object.keys(manifest).find((key) => key.endsWith(`/${page}.tsx`))!)
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return
    seen.add(key)
    for (const dep of manifest[key]!.imports ?? []) visit(dep)
  }
  for (const root of roots) visit(root)
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'))
}

/** Zod's classes name themselves `$ZodObject`, `$ZodString`… even minified. */
function loadsZod(page: string | null): boolean {
  return initialFiles(page).some((file) => readFileSync(path.join(OUT, file), 'utf8').includes('$ZodObject'))
}

describe('zod in the client', () => {
  it.each(['MeetingPage', 'BoardPage', 'GroupPage', 'AttendancePage'])('%s loads without zod', (page) => {
    expect(loadsZod(page)).toBe(false)
  })

  it('the front page loads without zod', () => {
    expect(loadsZod(null)).toBe(false)
  })

  it('the new-meeting page, which checks the method library, has it', () => {
    expect(loadsZod('NewMeetingPage')).toBe(true)
  })
})
