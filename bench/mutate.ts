/**
 * `npm run mutate -- [--per-file 2] [--seed 1] [--jobs 2] [--timeout 300] [--deep] [--only sentences]`
 *   `[--out run.json] [--rerun run.json] [--tests tests/rules/x.test.ts ...] [--list] [--all]`
 *
 * A mutation run over the shared rules (`shared/`) and the server's first read of an update
 * (server/src/rooms/updateScan.ts with jsonBounds.ts): one-token changes — a comparison flipped,
 * && ↔ ||, true ↔ false, a `!` removed, a number one higher, a return value replaced — applied one
 * at a time, each followed by the unit tests that import the changed file. A mutant the tests do
 * not notice ("survived") is a promise nobody checks, or an equivalent change (docs/mutation.md).
 *
 * The mutants are applied in scratch copies of the repository (one per job, node_modules linked),
 * never in the working tree, which is checked to be unchanged at the end. The tests nearest the file
 * run first, farther ones only while the mutant lives (bench/mutation/relatedTests.ts): tests that
 * start no server and import it themselves, through one other file, or farther; then tests that
 * start a server and import it themselves; with --deep also every other test that reaches it
 * (slow: run it with --rerun over a former run's survivors). By default a
 * seeded sample of --per-file mutants per file (--all for every one); not part of `npm test`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { applyMutant, type Mutant, mutantsOf, sample, seededRandom } from './mutation/mutants'
import { RelatedTests } from './mutation/relatedTests'

const { values: args } = parseArgs({
  options: {
    'per-file': { type: 'string', default: '2' },
    all: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '300' },
    deep: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    list: { type: 'boolean', default: false },
    out: { type: 'string' },
    /** A former run's --out file: judge again only what it did not kill (after adding tests). */
    rerun: { type: 'string' },
    /** Judge with these test files only (say, the ones added for a former run's survivors). */
    tests: { type: 'string', multiple: true },
  },
})

const ROOT = path.resolve(import.meta.dirname, '..')
const EXTRA_TARGETS = ['server/src/rooms/updateScan.ts', 'server/src/rooms/jsonBounds.ts']

type Outcome = 'killed' | 'survived' | 'timeout' | 'no tests'
interface Result extends Mutant {
  outcome: Outcome
  by?: string
  seconds: number
}

function git(...argv: string[]): string {
  return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8' })
}

function targets(): string[] {
  const files = git('ls-files', 'shared')
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  const all = [...files, ...EXTRA_TARGETS]
  return args.only ? all.filter((f) => args.only!.some((o) => f.includes(o))) : all
}

function testFiles(): string[] {
  return git('ls-files', '-co', '--exclude-standard', 'tests')
    .split('\n')
    .filter((f) => /\.test\.tsx?$/.test(f) && !f.startsWith('tests/e2e/') && !f.startsWith('tests/multi/'))
    .filter((f) => existsSync(path.join(ROOT, f)))
}

/** A copy of the repository's files (tracked and new, not ignored) to mutate in. */
function makeScratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intervisiebord-mutate-'))
  for (const file of git('ls-files', '-co', '--exclude-standard').split('\n')) {
    if (!file || file === 'node_modules' || file.startsWith('node_modules/')) continue
    const from = path.join(ROOT, file)
    if (!existsSync(from)) continue
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    cpSync(from, path.join(dir, file))
  }
  symlinkSync(realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'))
  if (existsSync(path.join(ROOT, 'dist'))) symlinkSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'))
  // Vite's cache stays in the copy (node_modules is shared).
  writeFileSync(
    path.join(dir, 'vitest.mutate.config.ts'),
    "import { mergeConfig } from 'vitest/config'\nimport base from './vitest.config'\n" +
      "export default mergeConfig(base, { cacheDir: '.mutate-cache' })\n",
  )
  return dir
}

const running = new Set<ChildProcess>()

/** Runs these unit test files in `dir`; true if one failed, 'timeout' if the time ran out. */
function testsFail(dir: string, tests: readonly string[], ms: number): Promise<boolean | 'timeout'> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(dir, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'vitest.mutate.config.ts',
        '--project',
        'unit',
        '--bail',
        '1',
        '--reporter',
        'dot',
        ...tests,
      ],
      { cwd: dir, detached: true, stdio: 'ignore', env: { ...process.env, FORCE_COLOR: '0', CI: '1' } },
    )
    running.add(child)
    const timer = setTimeout(() => {
      // Its own process group: vitest and its workers end with it.
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
      resolve('timeout')
    }, ms)
    child.on('exit', (code) => {
      clearTimeout(timer)
      running.delete(child)
      resolve(code !== 0)
    })
  })
}

async function judge(dir: string, mutant: Mutant, related: RelatedTests): Promise<Result> {
  const started = Date.now()
  const file = path.join(dir, mutant.file)
  const original = readFileSync(file, 'utf8')
  const tiers = related.of(mutant.file)
  const order: Array<[string, string[]]> = args.tests
    ? [['given', args.tests]]
    : [
        ['near', tiers.near],
        // Farther tests in one run: each run costs vitest's start.
        ['farther', [...tiers.close, ...tiers.far]],
        ['direct', tiers.direct],
        ...(args.deep ? ([['deep', tiers.deep]] as Array<[string, string[]]>) : []),
      ]
  let outcome: Outcome = order.some(([, t]) => t.length > 0) ? 'survived' : 'no tests'
  let by: string | undefined
  writeFileSync(file, applyMutant(original, mutant))
  try {
    for (const [tier, tests] of order) {
      if (tests.length === 0) continue
      const left = Number(args.timeout) * 1000 - (Date.now() - started)
      const failed = await testsFail(dir, tests, Math.max(left, 1000))
      if (failed === 'timeout') {
        outcome = 'timeout'
        by = tier
        break
      }
      if (failed) {
        outcome = 'killed'
        by = tier
        break
      }
    }
  } finally {
    writeFileSync(file, original)
  }
  return { ...mutant, outcome, by, seconds: (Date.now() - started) / 1000 }
}

function sampled(perFile: number, random: () => number): Mutant[] {
  return targets().flatMap((file) =>
    sample(mutantsOf(file, readFileSync(path.join(ROOT, file), 'utf8')), perFile, random),
  )
}

/** The mutants a former run left alive, found again in today's files (lines may have moved). */
function notKilledIn(file: string): Mutant[] {
  const former = JSON.parse(readFileSync(file, 'utf8')) as Result[]
  const out: Mutant[] = []
  for (const old of former.filter((r) => r.outcome !== 'killed' && r.outcome !== 'timeout')) {
    const now = mutantsOf(old.file, readFileSync(path.join(ROOT, old.file), 'utf8')).filter(
      (m) => m.operator === old.operator && m.original === old.original && m.replacement === old.replacement,
    )
    // The same change at the same place if the file did not move, else the nearest to where it was.
    const match =
      now.find((m) => m.start === old.start) ??
      now.sort((a, b) => Math.abs(a.line - old.line) - Math.abs(b.line - old.line))[0]
    if (match) out.push(match)
    else console.log(`gone: ${describe(old)}`)
  }
  return out
}

const describe = (m: Mutant) =>
  `${m.file}:${m.line}${m.column ? `:${m.column}` : ''} ${m.operator}: '${m.original}' → '${m.replacement || '(removed)'}'`

async function main() {
  const statusBefore = git('status', '--porcelain')
  const perFile = args.all ? Number.POSITIVE_INFINITY : Number(args['per-file'])
  const mutants = args.rerun ? notKilledIn(args.rerun) : sampled(perFile, seededRandom(Number(args.seed)))
  const related = new RelatedTests(ROOT, testFiles())
  if (args.list) {
    for (const m of mutants) {
      const t = related.of(m.file)
      console.log(
        `${describe(m)}  [${t.near.length} near, ${t.close.length} close, ${t.direct.length} direct, ${t.far.length} far, ${t.deep.length} deep]`,
      )
    }
    console.log(`${mutants.length} mutants`)
    return
  }
  const jobs = Math.max(1, Math.min(Number(args.jobs), mutants.length))
  console.log(`${mutants.length} mutants, ${jobs} job(s), at most ${args.timeout} s each`)
  const scratches: string[] = []
  const results: Result[] = []
  const cleanUp = () => {
    for (const child of running) if (child.pid) process.kill(-child.pid, 'SIGKILL')
    for (const dir of scratches) rmSync(dir, { recursive: true, force: true })
  }
  // Stopped early (Ctrl-C): what was judged so far is reported and written all the same.
  process.on('SIGINT', () => {
    cleanUp()
    console.log('\nStopped: the mutants judged so far.')
    report(results)
    process.exit(130)
  })
  try {
    for (let i = 0; i < jobs; i++) scratches.push(makeScratch())
    let next = 0
    await Promise.all(
      scratches.map(async (dir) => {
        while (next < mutants.length) {
          const mutant = mutants[next++]!
          const result = await judge(dir, mutant, related)
          results.push(result)
          const tag = result.outcome === 'killed' ? `killed (${result.by})` : result.outcome
          console.log(
            `[${results.length}/${mutants.length}] ${tag.padEnd(16)} ${describe(mutant)} (${result.seconds.toFixed(1)} s)`,
          )
        }
      }),
    )
  } finally {
    cleanUp()
  }
  report(results)
  if (git('status', '--porcelain') !== statusBefore) {
    console.error('The working tree changed during the run: look at `git status`.')
    process.exitCode = 2
  }
}

function report(results: Result[]) {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length
  const killed = count('killed') + count('timeout')
  const score = results.length === 0 ? 0 : (100 * killed) / results.length
  const order = (r: Result) => `${r.file}:${String(r.line).padStart(5, '0')}`
  const left = results.filter((r) => r.outcome !== 'killed').sort((a, b) => order(a).localeCompare(order(b)))
  console.log('')
  for (const r of left) console.log(`${r.outcome.padEnd(9)} ${describe(r)}`)
  console.log(
    `\n${results.length} mutants: ${count('killed')} killed, ${count('timeout')} timed out, ` +
      `${count('survived')} survived, ${count('no tests')} without tests; score ${score.toFixed(1)} %`,
  )
  if (args.out) writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`)
}

await main()
