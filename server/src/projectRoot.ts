import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * The directory holding package.json, found by walking up from this file: the same answer when
 * the server runs from its sources (server/src) and from the build (dist/server, one bundle).
 * Paths the server reads at runtime (the built client, the method library) hang off it.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`)
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname)
