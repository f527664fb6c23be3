import { readFileSync } from 'node:fs'
import path from 'node:path'
import { initialProgress, type MeetingProgress } from '../../shared/phaseMachine'
import { parseTemplate, type Template } from '../../shared/templateSchema'

const METHODS_DIR = path.join(import.meta.dirname, '../../templates/methods')

/** A built-in method, parsed as the server and the client parse it. */
export function method(id: string): Template {
  const parsed = parseTemplate(JSON.parse(readFileSync(path.join(METHODS_DIR, `${id}.json`), 'utf8')))
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  return parsed.template
}

/** Progress at a phase (by index), started at `startedAt`, with any fields overridden. */
export function progressAt(phaseIndex: number, overrides: Partial<MeetingProgress> = {}): MeetingProgress {
  return { ...initialProgress(0), phaseIndex, ...overrides }
}
