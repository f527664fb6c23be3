import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'
import { connectClient, waitForSync } from '../helpers/yjsClient'

/**
 * Issue 18: the production build. The server is built the way `npm run build` builds it
 * (vite.server.config.ts), into a directory of its own under .tmp/, and run from there with plain
 * `node`, no tsx: it must serve a page, its method library, a room socket and the import worker.
 * And everything the built server imports must be in package.json's `dependencies`, so it runs
 * after `npm ci --omit=dev`.
 */

const ROOT = path.resolve(import.meta.dirname, '../..')
/** At the depth of dist/server, where `npm run build` puts it. */
const OUT = path.join(ROOT, '.tmp/server-build-test')
const clientDir = mkdtempSync(path.join(os.tmpdir(), 'intervisiebord-client-'))
let server: ServerProcess

beforeAll(async () => {
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.server.config.ts', '--outDir', OUT],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  // A stand-in for the built client: this test is about the server's build, not the client's.
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Intervisiebord</title>')
  server = await startServerProcess({ entry: [path.join(OUT, 'index.js')], env: { CLIENT_DIR: clientDir } })
})

afterAll(async () => {
  await server?.stop()
  rmSync(clientDir, { recursive: true, force: true })
  rmSync(OUT, { recursive: true, force: true })
})

it('runs with plain node: a page, the built-in methods, a room socket and the import worker', async () => {
  // No TypeScript loader in the child: .ts sources would not even parse.
  expect(server.child.spawnargs.slice(1)).toEqual([path.join(OUT, 'index.js')])

  const page = await fetch(`${server.url}/b/some-board`)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<title>Intervisiebord</title>')

  // The method library is read from templates/methods, found from the build's own location.
  const templates = (await (await fetch(`${server.url}/api/templates`)).json()) as { templates: unknown[] }
  expect(templates.templates.length).toBeGreaterThan(0)

  const client = connectClient(server.url, 'buildtest-room-1')
  try {
    await waitForSync(client, 10_000)
    client.doc.getMap('probe').set('x', 1)
  } finally {
    client.destroy()
  }

  // Text that is no JSON is refused by the parser in the import worker thread (400); a worker
  // that cannot start would answer 503.
  const imported = await fetch(`${server.url}/api/meetings/import`, {
    method: 'POST',
    body: 'dit is geen JSON',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-import-code-0123456789' },
  })
  expect(imported.status).toBe(400)
  expect(((await imported.json()) as { error: string }).error).toBe('invalid_json')
})

it('imports at runtime exactly the packages in dependencies', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  const files = readdirSync(OUT, { recursive: true, encoding: 'utf8' }).filter((f) => /\.m?js$/.test(f))
  const imported = new Set<string>()
  for (const file of files) {
    const code = readFileSync(path.join(OUT, file), 'utf8')
    const statics = code.matchAll(/^(?:import|export)\b[^;'"]*?["']([^"']+)["']/gm)
    const dynamics = code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)
    for (const m of [...statics, ...dynamics]) {
      const spec = m[1]!
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue
      imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
    }
  }
  // Missing from dependencies: `npm ci --omit=dev` would not install it and the server would not start.
  expect([...imported].filter((name) => !(name in pkg.dependencies))).toEqual([])
  // In dependencies but never imported: installed in production for nothing (client-only or bundled).
  expect(Object.keys(pkg.dependencies).filter((name) => !imported.has(name))).toEqual([])
})
