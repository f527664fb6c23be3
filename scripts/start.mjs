// `npm start`: runs the compiled server (dist/server/index.js) with plain node, no tsx. From a
// fresh clone (`npm ci && npm start`) there is no build yet, and after an edit the build is older
// than the sources: then it builds first, when the build tools are installed. After
// `npm ci --omit=dev` they are not; then an existing build runs as it is, and without one this
// says what to do.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, canBuild, ROOT } from './build.mjs'

const SERVER = path.join(ROOT, 'dist/server/index.js')
const CLIENT = path.join(ROOT, 'dist/client/index.html')
/** What the build is made from; templates/methods is read at runtime, not built. */
const SOURCES = [
  'client',
  'server',
  'shared',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'vite.server.config.ts',
]

/** Newest modification time under `p` (a file or a directory), 0 if it does not exist. */
function newest(p) {
  let stat
  try {
    stat = statSync(p)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = 0
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules') continue
    latest = Math.max(latest, newest(path.join(p, entry)))
  }
  return latest
}

function buildState() {
  if (!existsSync(SERVER) || !existsSync(CLIENT)) return 'missing'
  const built = Math.min(statSync(SERVER).mtimeMs, statSync(CLIENT).mtimeMs)
  const sources = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))))
  return sources > built ? 'stale' : 'fresh'
}

const state = buildState()
if (state !== 'fresh') {
  if (canBuild()) {
    console.log(
      state === 'missing'
        ? 'Bouwen (eerste start) / Building (first start)…'
        : 'De bron is nieuwer dan de build: opnieuw bouwen / Sources changed since the last build: rebuilding…',
    )
    try {
      build()
    } catch (error) {
      console.error(`Bouwen mislukt / Build failed: ${error.message}`)
      process.exit(1)
    }
  } else if (state === 'missing') {
    console.error(
      [
        'Er is nog geen build (dist/) en de bouwgereedschappen ontbreken (npm ci --omit=dev).',
        'Bouw eerst met alle pakketten: `npm ci && npm run build`, daarna volstaat `npm ci --omit=dev && npm start`.',
        'No build yet (dist/) and the build tools are not installed (npm ci --omit=dev).',
        'Build first with all packages: `npm ci && npm run build`; after that `npm ci --omit=dev && npm start` is enough.',
      ].join('\n'),
    )
    process.exit(1)
  } else {
    console.warn(
      'Let op: de bron is nieuwer dan de build en er is geen bouwgereedschap; de bestaande build draait. / ' +
        'Note: sources are newer than the build and the build tools are not installed; running the existing build.',
    )
  }
}

await import(pathToFileURL(SERVER).href)
