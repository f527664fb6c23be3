/**
 * Text the databases store as it came. Postgres `text` refuses the NUL character outright (the
 * whole write fails, after earlier writes of the same import went through), and a lone UTF-16
 * surrogate is no character at all: the driver would store U+FFFD instead, a silent change.
 * SQLite would take both, so the same file would work on one server and fail on another.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what we look for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** What cannot be stored as is, by the field's path (`meetings.0.participants.1.name`), or null. */
export function unstorableText(value: unknown): { field: string; problem: string } | null {
  // A loop with its own stack: the file is untrusted (its depth is bounded before parsing too).
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }]
  while (stack.length > 0) {
    const { value: item, path } = stack.pop()!
    if (typeof item === 'string') {
      const problem = textProblem(item)
      if (problem) return { field: path || 'body', problem }
      continue
    }
    if (item === null || typeof item !== 'object') continue
    const entries = Array.isArray(item) ? item.entries() : Object.entries(item)
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : String(key)
      if (typeof key === 'string') {
        const problem = textProblem(key)
        if (problem) return { field: childPath, problem: `its name ${problem.replace(/^it /, '')}` }
      }
      stack.push({ value: child, path: childPath })
    }
  }
  return null
}

function textProblem(text: string): string | null {
  const match = UNSTORABLE.exec(text)
  if (!match) return null
  return match[0] === '\u0000'
    ? 'it holds a NUL character (\\u0000), which the database cannot store'
    : 'it holds half of a UTF-16 surrogate pair, which is no character'
}
