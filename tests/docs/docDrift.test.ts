import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/src/config'
import { DEFAULT_LIMITS, LIMIT_SETTINGS } from '../../server/src/limits'
import { CloseCode } from '../../shared/closeCodes'
import {
  anchorsOf,
  codeSpans,
  type Doc,
  linkTargets,
  namedRoutes,
  pathExists,
  ROOT,
  readDocs,
  repositoryPath,
  samePath,
  settingNames,
  tableRows,
  trackedFiles,
  trackedFolders,
  upperCaseNames,
} from './docText'
import { serverApiRoutes } from './serverRoutes'

/**
 * The README and docs/ against the code: what they name must exist, be read, be served, and
 * have the default they say. Each failure names the document and what to fix there.
 */
const docs = readDocs()
const files = trackedFiles()
const folders = trackedFolders(files)
const docNamed = (file: string): Doc => docs.find((d) => d.file === file)!

/** The code that could read a setting: every tracked source file and the CI script, not the docs. */
const code = files
  .filter((f) => /\.(?:ts|tsx|mjs|js|cjs)$/.test(f) || f === '.ci/run')
  .filter((f) => !f.startsWith('docs/') && !f.startsWith('tests/docs/'))
  .map((f) => readFileSync(path.join(ROOT, f), 'utf8'))
  .join('\n')

/** Read from the environment: `env.NAME`, `env['NAME']`, a literal `'NAME'` handed to a reader, `$NAME` in shell. */
function readByCode(name: string): boolean {
  return new RegExp(`env\\.${name}\\b|['"\`]${name}['"\`]|\\$\\{?${name}\\b`).test(code)
}

/** A constant the code declares (a document may name `CLOSE_CODE_RECOVERY` without it being a setting). */
function declaredConstant(name: string): boolean {
  return new RegExp(`(?:^|\\s)(?:const|let|function|class|enum)\\s+${name}\\b`, 'm').test(code)
}

describe('the documents name only what exists', () => {
  it('every file or folder path they name is in the repository', () => {
    const missing: string[] = []
    for (const doc of docs) {
      for (const span of codeSpans(doc.text)) {
        const named = repositoryPath(span)
        if (named && !pathExists(named, files, folders)) missing.push(`${doc.file}: \`${named}\``)
      }
    }
    expect(missing).toEqual([])
  })

  it('every link points at a file that exists, and at a heading in it', () => {
    const broken: string[] = []
    for (const doc of docs) {
      for (const target of linkTargets(doc.text)) {
        if (/^[a-z]+:/.test(target)) continue
        const [file, anchor] = target.split('#') as [string, string | undefined]
        const resolved = file
          ? path.posix.normalize(path.posix.join(path.posix.dirname(doc.file), file))
          : doc.file
        if (!pathExists(resolved, files, folders)) {
          broken.push(`${doc.file}: (${target}) -> ${resolved} does not exist`)
          continue
        }
        if (anchor && resolved.endsWith('.md')) {
          const text = readFileSync(path.join(ROOT, resolved), 'utf8')
          if (!anchorsOf(text).has(anchor)) broken.push(`${doc.file}: (${target}) -> no heading #${anchor}`)
        }
      }
    }
    expect(broken).toEqual([])
  })

  it('every environment setting they name is read by the code', () => {
    const unread: string[] = []
    for (const doc of docs) {
      const settings = settingNames(doc.text)
      for (const name of new Set(upperCaseNames(doc.text))) {
        if (readByCode(name)) continue
        // A constant of the code may be named in prose; in a settings table or an assignment it is a setting.
        if (!settings.has(name) && declaredConstant(name)) continue
        unread.push(`${doc.file}: ${name}`)
      }
    }
    expect(unread).toEqual([])
  })

  it('every API route they name is one the server has', () => {
    const routes = serverApiRoutes()
    const unknown = docs
      .flatMap(namedRoutes)
      .filter(
        (named) =>
          !routes.some((r) => (named.method ?? r.method) === r.method && samePath(named.path, r.path)),
      )
      .map((named) => `${named.doc}: ${named.method ?? '(any)'} ${named.path}`)
    expect(unknown).toEqual([])
  })
  it('every close code in the table of docs/api.md is one the server has', () => {
    const known = new Set<number>(Object.values(CloseCode))
    const listed = [...docNamed('docs/api.md').text.matchAll(/^\|\s*(\d{4})\s*\|/gm)].map((m) => Number(m[1]))
    expect(listed.length).toBeGreaterThan(0)
    expect(listed.filter((code) => !known.has(code))).toEqual([])
  })
})

describe('the documents name everything a reader needs', () => {
  it('docs/api.md lists every API route of the server, with its method', () => {
    const listed = namedRoutes(docNamed('docs/api.md'))
    const missing = serverApiRoutes()
      .filter((r) => !listed.some((named) => named.method === r.method && samePath(named.path, r.path)))
      .map((r) => `${r.method} ${r.path}`)
    expect(missing).toEqual([])
  })

  it('docs/architecture.md names every folder of client/, server/, shared/, templates/, tests/, bench/ and docs/', () => {
    const named = new Set(codeSpans(docNamed('docs/architecture.md').text))
    const unnamed = [...folders]
      .filter((folder) => /^(?:client|server|shared|templates|tests|bench|docs)\//.test(folder))
      .filter((folder) => !named.has(folder))
      .sort()
    expect(unnamed).toEqual([])
  })
})

describe('the settings tables give the code defaults', () => {
  const operating = docNamed('docs/operating.md').text

  it('every limit: its default and what a client over it gets', () => {
    const rows = tableRows(operating)
    const wrong = LIMIT_SETTINGS.filter(({ key, env, over }) => {
      const cells = rows.get(env)
      return cells?.[0] !== String(DEFAULT_LIMITS[key]) || cells?.[1] !== over
    }).map(
      ({ key, env, over }) =>
        `${env}: ${rows.get(env)?.slice(0, 2).join(' | ')} (code: ${DEFAULT_LIMITS[key]} | ${over})`,
    )
    expect(wrong).toEqual([])
    const documented = [...rows.keys()].filter((name) => name.startsWith('LIMIT_'))
    expect(new Set(documented)).toEqual(new Set(LIMIT_SETTINGS.map((s) => s.env)))
  })

  it('every other setting: the default the server starts with when it is not set', () => {
    const alone = readConfig({})
    const cluster = readConfig({ DATABASE_URL: 'postgres://db/x', REDIS_URL: 'redis://r' })
    // What each setting's "default" cell means in the running server; "none" and "off" are null and false.
    const actual: Record<string, unknown> = {
      PORT: alone.port,
      HOST: alone.host,
      DATA_DIR: alone.dataDir === path.resolve('./data') ? './data' : alone.dataDir,
      TEMPLATES_DIR: alone.templatesDir,
      TLDRAW_LICENSE_KEY: alone.tldrawLicenseKey,
      ROOM_IDLE_MS: alone.roomIdleMs,
      PUBLIC_URL: alone.publicOrigin,
      TRUST_PROXY: alone.trustProxy,
      IMPORT_TOKEN: alone.imports.token,
      IMPORT_ANONYMOUS: alone.imports.anonymous,
      RETENTION_DEFAULT_DAYS: alone.retention.defaultDays,
      RETENTION_MAX_DAYS: alone.retention.maxDays,
      DATABASE_URL: alone.postgres,
      DATABASE_SCHEMA: cluster.postgres?.schema,
      REDIS_URL: alone.redis,
      REDIS_PREFIX: cluster.redis?.prefix,
    }
    const rows = tableRows(operating)
    const wrong: string[] = []
    for (const [name, value] of Object.entries(actual)) {
      const cell = rows.get(name)?.[0]
      if (cell === undefined) {
        wrong.push(`${name}: not in a settings table`)
        continue
      }
      const said = documentedDefault(cell)
      if (said !== (value === null || value === false ? null : String(value)))
        wrong.push(`${name}: documented ${cell}, the code starts with ${JSON.stringify(value)}`)
    }
    expect(wrong).toEqual([])
  })
})

/** A default cell as a value: `` `8787` `` is "8787"; "none", "off" (with or without a note) are null. */
function documentedDefault(cell: string): string | null {
  if (/^(?:none|off)\b/.test(cell)) return null
  const code = /^`([^`]*)`/.exec(cell)
  return code ? code[1]! : cell
}
