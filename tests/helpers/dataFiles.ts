import { cpSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Every needle found in the raw bytes of any file under `dir`, as `file: needle`. */
export function hitsUnder(dir: string, needles: readonly string[]): string[] {
  const hits: string[] = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const bytes = readFileSync(file)
    for (const needle of needles) if (bytes.includes(needle)) hits.push(`${path.basename(file)}: ${needle}`)
  }
  return hits
}

/** The needles that occur somewhere under `dir`. */
export function foundUnder(dir: string, needles: readonly string[]): Set<string> {
  return new Set(hitsUnder(dir, needles).map((hit) => hit.slice(hit.indexOf(': ') + 2)))
}

/** Where the SQLite key store lives by default: inside DATA_DIR, but not part of the data's copy. */
export const KEY_FILE = 'intervisiebord-keys.sqlite'

/**
 * A copy of the data files as they are now (what a backup, a stolen disk or a replica would hold),
 * without the key store: that is kept apart and, after an erase, no longer holds the key.
 */
export function copyDataFiles(dir: string, to: string): void {
  cpSync(dir, to, { recursive: true, filter: (source) => !path.basename(source).startsWith(KEY_FILE) })
}
