// `npm run build`: the client (Vite, into dist/client) and then the server (Vite's SSR build of
// server/src and shared into plain JavaScript in dist/server, see vite.server.config.ts).
// `npm start` (scripts/start.mjs) calls the same function when the build is missing or stale.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js')

/** Whether the build tools are installed (not after `npm ci --omit=dev`). */
export const canBuild = () => existsSync(VITE)

/** Builds client and server; throws if either build fails (its output went to the terminal). */
export function build() {
  for (const args of [['build'], ['build', '--config', 'vite.server.config.ts']]) {
    const run = spawnSync(process.execPath, [VITE, ...args], { cwd: ROOT, stdio: 'inherit' })
    if (run.status !== 0) throw new Error(`vite ${args.join(' ')} failed (exit ${run.status ?? run.signal})`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    build()
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
