import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { ScenarioResult } from '../context'

const ROOT = path.resolve(import.meta.dirname, '../..')
/** Inside node_modules, so the tldraw-only page resolves tldraw and React from the project. */
const WORK = path.join(ROOT, 'node_modules/.cache/intervisiebord-bench')

interface ManifestChunk {
  file: string
  imports?: string[]
  dynamicImports?: string[]
  isEntry?: boolean
}
type Manifest = Record<string, ManifestChunk>

/**
 * gzip (level 9, as a server would pre-compress) size of the JS files a page loads: what its
 * entry and route chunks import statically (`initial`, before anything shows), and with `lazy`
 * also the chunks they import dynamically (features fetched later, such as the report), but not
 * the other routes' (`skip`).
 */
function gzipJs(
  outDir: string,
  manifest: Manifest,
  roots: string[],
  skip: Set<string>,
  lazy = false,
): number {
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key) || skip.has(key) || !manifest[key]) return
    seen.add(key)
    const chunk = manifest[key]!
    for (const dep of chunk.imports ?? []) visit(dep)
    if (lazy) for (const dep of chunk.dynamicImports ?? []) visit(dep)
  }
  for (const r of roots) visit(r)
  let total = 0
  for (const key of seen) {
    const file = manifest[key]!.file
    if (file.endsWith('.js'))
      total += gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).byteLength
  }
  return total
}

function vite(args: string[]): void {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', ...args, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    },
  )
}

function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest
}

/** A page with React and tldraw's <Tldraw /> and nothing else, built the way our client is. */
function tldrawOnly(rebuild: boolean): number {
  const dir = path.join(WORK, 'tldraw-only')
  const outDir = path.join(dir, 'dist')
  if (rebuild || !existsSync(path.join(outDir, '.vite/manifest.json'))) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="/main.tsx"></script></body></html>\n',
    )
    writeFileSync(
      path.join(dir, 'main.tsx'),
      [
        "import { createRoot } from 'react-dom/client'",
        "import { Tldraw } from 'tldraw'",
        "import 'tldraw/tldraw.css'",
        "createRoot(document.getElementById('root')!).render(<div style={{ position: 'fixed', inset: 0 }}><Tldraw /></div>)",
        '',
      ].join('\n'),
    )
    writeFileSync(
      path.join(dir, 'vite.config.mjs'),
      "import react from '@vitejs/plugin-react'\nexport default { plugins: [react()], build: { chunkSizeWarningLimit: 8000 } }\n",
    )
    vite([dir, '--outDir', outDir, '--emptyOutDir', '--manifest'])
  }
  const manifest = readManifest(outDir)
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!
  return gzipJs(outDir, manifest, [entry], new Set())
}

/**
 * Scenario 8: the JavaScript (gzip) each route loads, from a fresh build of our client with a
 * manifest (into node_modules/.cache, not dist/), against a tldraw-only page (cached between
 * runs; --rebuild to build it again). The targets are on the initial load (static imports of the
 * entry and the route's chunk); `.full` adds the lazy chunks the route fetches later.
 */
export function clientSize(rebuild: boolean): ScenarioResult {
  const outDir = path.join(WORK, 'client')
  vite(['--outDir', outDir, '--emptyOutDir', '--manifest'])
  const manifest = readManifest(outDir)
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!
  const routes = Object.keys(manifest).filter((k) => /Page\.tsx$/.test(k))
  const others = (keep: string | undefined) => new Set(routes.filter((r) => r !== keep))
  const figures: Record<string, number | null> = {
    'client.tldraw': tldrawOnly(rebuild),
    'client.front': gzipJs(outDir, manifest, [entry], others(undefined)),
  }
  const names: Record<string, string> = {
    BoardPage: 'board',
    MeetingPage: 'meeting',
    NewMeetingPage: 'newMeeting',
    GroupPage: 'group',
    AttendancePage: 'attendance',
  }
  for (const [page, name] of Object.entries(names)) {
    const route = routes.find((r) => r.endsWith(`/${page}.tsx`))
    figures[`client.${name}`] = route ? gzipJs(outDir, manifest, [entry, route], others(route)) : null
    figures[`client.${name}.full`] = route
      ? gzipJs(outDir, manifest, [entry, route], others(route), true)
      : null
  }
  const notes = figures['client.board'] === null ? ['client: no BoardPage chunk in the build manifest'] : []
  return { figures, notes }
}
