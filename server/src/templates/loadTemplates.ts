import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { overlappingZones } from '../../../shared/layout'
import { parseTemplate, type Template } from '../../../shared/templateSchema'
import { PROJECT_ROOT } from '../projectRoot'

/** The built-in method library: one JSON file per method, shipped with the product. */
export const BUILTIN_TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates/methods')

/** Why one file (or a directory) did not become a template; `file` is the path as read. */
export interface TemplateLoadError {
  file: string
  messages: string[]
}

/**
 * Reads every `*.json` file of each directory, in the order given (built-in first, then an
 * organisation's own), and returns the templates that are valid plus one error entry per file that
 * is not. A later file whose template id is already taken loses. Pure: no logging, never throws
 * for bad input; the caller decides what to report.
 */
export async function loadTemplates(
  dirs: string[],
): Promise<{ templates: Template[]; errors: TemplateLoadError[] }> {
  const templates: Template[] = []
  const errors: TemplateLoadError[] = []
  const fileOfId = new Map<string, string>()

  for (const dir of dirs) {
    let names: string[]
    try {
      const entries = await readdir(dir, { withFileTypes: true })
      names = entries
        .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
        .map((e) => e.name)
        .sort()
    } catch (err) {
      errors.push({ file: dir, messages: [directoryMessage(err)] })
      continue
    }

    for (const name of names) {
      const file = path.join(dir, name)
      const result = await loadFile(file)
      if (!result.ok) {
        errors.push({ file, messages: result.messages })
        continue
      }
      const earlier = fileOfId.get(result.template.id)
      if (earlier !== undefined) {
        errors.push({
          file,
          messages: [`id: duplicate template id "${result.template.id}", already loaded from ${earlier}`],
        })
        continue
      }
      fileOfId.set(result.template.id, file)
      templates.push(result.template)
    }
  }
  return { templates, errors }
}

async function loadFile(
  file: string,
): Promise<{ ok: true; template: Template } | { ok: false; messages: string[] }> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    return { ok: false, messages: [`cannot read file: ${errorCode(err)}`] }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)

  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    return { ok: false, messages: [jsonMessage(err, text)] }
  }

  const parsed = parseTemplate(data)
  if (!parsed.ok) return { ok: false, messages: parsed.errors }

  const overlaps = overlappingZones(parsed.template)
  if (overlaps.length > 0) {
    return {
      ok: false,
      messages: overlaps.map(([a, b]) => `zones: "${a}" and "${b}" overlap on the board grid`),
    }
  }
  return { ok: true, template: parsed.template }
}

/** `invalid JSON: <reason> (line 3, column 7)`; the place only when JSON.parse gives a position. */
function jsonMessage(err: unknown, text: string): string {
  const reason = err instanceof Error ? err.message : String(err)
  const match = /at position (\d+)/.exec(reason)
  if (!match) return `invalid JSON: ${reason}`
  const position = Number(match[1])
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = position - before.lastIndexOf('\n')
  return `invalid JSON: ${reason} (line ${line}, column ${column})`
}

function directoryMessage(err: unknown): string {
  const code = errorCode(err)
  if (code === 'ENOENT') return 'templates directory not found'
  if (code === 'ENOTDIR') return 'not a directory'
  return `cannot read templates directory: ${code}`
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code
  return err instanceof Error ? err.message : String(err)
}
