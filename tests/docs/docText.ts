import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** What the documents name, read from their Markdown: paths, settings, API routes, links. */

export const ROOT = path.resolve(import.meta.dirname, '../..')

export interface Doc {
  /** Relative to the repository root: `README.md`, `docs/operating.md`. */
  file: string
  text: string
}

/** README.md and every Markdown file in docs/. */
export function readDocs(): Doc[] {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
  return ['README.md', ...docs].map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }))
}

/** The text without fenced code blocks (commands and examples, not claims about this repository). */
export function withoutFences(text: string): string {
  return text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')
}

/** Every `inline code` span (may wrap onto the next line, as Markdown allows). */
export function codeSpans(text: string): string[] {
  return [...withoutFences(text).matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\s*\n\s*/g, ' ').trim())
}

/** The repository's files as git knows them (what a fresh clone has). */
export function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean)
}

/** Every folder that holds a tracked file, with a trailing slash: `client/src/meeting/`. */
export function trackedFolders(files: readonly string[]): Set<string> {
  const folders = new Set<string>()
  for (const file of files) {
    const parts = file.split('/')
    for (let i = 1; i < parts.length; i++) folders.add(`${parts.slice(0, i).join('/')}/`)
  }
  return folders
}

/** The top-level folders a path in the documents may start with to be read as a repository path. */
const REPOSITORY_ROOTS = ['client/', 'server/', 'shared/', 'templates/', 'tests/', 'bench/', 'docs/', '.ci/']
const FILE_NAME = /^[\w.-]+\.(?:ts|tsx|mjs|js|json|md|css|png|svg|sh)$/

/**
 * A code span that names a file or folder of this repository: a path under one of its top-level
 * folders (`server/src/limits.ts`, `client/src/i18n`, `templates/methods/*.json`), or a bare file
 * name (`zoneFit.ts`). Page paths (`/nieuw`), placeholders (`/g/<id>`) and other packages' files
 * (`bin/server.js`) are not.
 */
export function repositoryPath(span: string): string | null {
  if (/[\s<>:]/.test(span)) return null
  if (REPOSITORY_ROOTS.some((root) => span.startsWith(root))) return span
  if (FILE_NAME.test(span) && !span.includes('/')) return span
  return null
}

/** Whether a repository path from a document exists among the tracked files. */
export function pathExists(named: string, files: readonly string[], folders: ReadonlySet<string>): boolean {
  if (named.includes('*')) {
    // A glob: `templates/methods/*.json` must match at least one file.
    const pattern = new RegExp(`^${named.split('*').map(escapeRegExp).join('[^/]*')}$`)
    return files.some((file) => pattern.test(file))
  }
  if (!named.includes('/')) return files.some((file) => file === named || file.endsWith(`/${named}`))
  const bare = named.replace(/\/$/, '')
  return files.includes(bare) || folders.has(`${bare}/`)
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Markdown links and images: `[text](target)`, outside code. */
export function linkTargets(text: string): string[] {
  const prose = withoutFences(text).replace(/`[^`]*`/g, '')
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!)
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces become hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** The anchors a document's headings make. */
export function anchorsOf(text: string): Set<string> {
  return new Set(
    [...withoutFences(text).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingAnchor(m[1]!.trim())),
  )
}

/** UPPER_CASE names with an underscore: settings (`LIMIT_ROOMS`) and constants (`CLOSE_CODE_RECOVERY`). */
export function upperCaseNames(text: string): string[] {
  return [...text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)].map((m) => m[0])
}

/**
 * Names a document sets as environment variables: the first cell of a table row
 * (`| \`PORT\` | …`) and assignments in commands (`BENCH_SECONDS=10 npm run bench`).
 */
export function settingNames(text: string): Set<string> {
  const names = new Set<string>()
  for (const m of text.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)) names.add(m[1]!)
  for (const m of text.matchAll(/(?:^|[\s`])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)=/gm)) names.add(m[1]!)
  return names
}

export interface NamedRoute {
  method: string | null
  path: string
  doc: string
}

/**
 * API routes a document names: `GET /api/meetings/:id/export`, `DELETE /api/boards/<roomId>`,
 * or a bare `/api/config` (any method). Placeholders in angle brackets count as parameters.
 */
export function namedRoutes(doc: Doc): NamedRoute[] {
  const routes: NamedRoute[] = []
  for (const span of codeSpans(doc.text)) {
    const m = /^(?:(GET|POST|PUT|DELETE|PATCH)\s+)?(\/api\/[^\s`]*)/.exec(span)
    if (!m) continue
    const routePath = m[2]!.replace(/<(\w+)>/g, ':$1').replace(/[.,;)]+$/, '')
    routes.push({ method: m[1] ?? null, path: routePath, doc: doc.file })
  }
  return routes
}

/** Whether a documented path matches a route's path: parameters match parameters, words words. */
export function samePath(documented: string, route: string): boolean {
  const a = documented.split('/')
  const b = route.split('/')
  if (a.length !== b.length) return false
  return a.every((part, i) => {
    const other = b[i]!
    if (other.startsWith(':')) return part.startsWith(':')
    return part === other
  })
}

/** The cells of a Markdown table row whose first cell is `` `NAME` ``, per name. */
export function tableRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>()
  for (const m of text.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|(.*)\|\s*$/gm)) {
    rows.set(
      m[1]!,
      m[2]!.split('|').map((cell) => cell.trim()),
    )
  }
  return rows
}
