import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { format, type Row } from './report'
import { TARGETS, type TargetName } from './targets'

const HEAD = [
  '#',
  'figure',
  'ours (free)',
  'ours (meeting)',
  'ours ×2 (2 cores)',
  'y-websocket 1.5',
  'Hocuspocus 4.7',
  'better peer',
  'ours / peer',
  'target',
  'met?',
]

/** A figure without its unit (the range beside a median that has it). */
const bare = (v: number, unit: string) => format(v, unit).replace(/ (ms|%|B|KB|s|KB gzip)$/, '')

function cells(row: Row, columns: TargetName[]): string[] {
  const value = (t: TargetName) => {
    if (!columns.includes(t)) return 'not run'
    const v = row.values[t]
    const s = row.spreads[t]
    // Median, then the smallest and largest run when there were several.
    const range = s && s.runs > 1 ? ` (${bare(s.min, row.unit)}–${bare(s.max, row.unit)})` : ''
    return `${row.atLeast.includes(t) ? '≥ ' : ''}${format(v, row.unit)}${range}`
  }
  const ratio = (['ours', 'ours-meeting', 'ours-pair'] as const)
    .filter((t) => row.ratios[t] !== undefined)
    .map((t) => `×${row.ratios[t]!.toFixed(2)}`)
    .join(' / ')
  const met = row.met === null ? (row.target ? '–' : '') : row.met ? 'yes' : `NO: ${row.by}`
  return [
    row.id,
    row.figure,
    value('ours'),
    value('ours-meeting'),
    value('ours-pair'),
    value('y-websocket'),
    value('hocuspocus'),
    format(row.betterPeer, row.unit),
    ratio || '–',
    row.target,
    met,
  ]
}

/** The table as aligned text for the terminal. */
export function textTable(rows: Row[], columns: TargetName[]): string {
  const body = [HEAD, ...rows.map((r) => cells(r, columns))]
  const widths = HEAD.map((_, i) => Math.max(...body.map((r) => r[i]!.length)))
  return body.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')).join('\n')
}

export function markdownTable(rows: Row[], columns: TargetName[]): string {
  const line = (r: string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(HEAD), line(HEAD.map(() => '---')), ...rows.map((r) => line(cells(r, columns)))].join('\n')
}

export interface RunRecord {
  startedAt: string
  seconds: number
  machine: string
  settings: Record<string, unknown>
  columns: TargetName[]
  rows: Row[]
  notes: string[]
  raw: Record<string, unknown>
}

const ROOT = path.resolve(import.meta.dirname, '..')

/** Writes bench/results/bench-<time>.{json,md} and latest.{json,md}; returns the Markdown path. */
export function writeResults(run: RunRecord): string {
  const dir = path.resolve(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const stamp = run.startedAt.replace(/[:.]/g, '-')
  const md = [
    `# npm run bench, ${run.startedAt}`,
    '',
    `${run.machine}`,
    '',
    `Columns: ${run.columns.map((c) => TARGETS[c].label).join('; ')}. Settings: ${JSON.stringify(run.settings)}.`,
    '',
    markdownTable(run.rows, run.columns),
    '',
    '## Notes',
    '',
    ...run.notes.map((n) => `- ${n}`),
    '',
  ].join('\n')
  const json = `${JSON.stringify(run, null, 2)}\n`
  const files: string[] = []
  for (const name of [`bench-${stamp}`, 'latest']) {
    writeFileSync(path.join(dir, `${name}.json`), json)
    writeFileSync(path.join(dir, `${name}.md`), md)
    files.push(path.join(dir, `${name}.json`))
  }
  // Formatted as the project's formatter wants, so `npm run lint` passes over the results too.
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', ...files], {
      stdio: 'ignore',
    })
  } catch {
    // no formatter here: the JSON is still valid
  }
  return path.join(dir, 'latest.md')
}
