import type { Measurements } from './context'
import type { Spreads } from './samples'
import type { Spread } from './stats'
import type { TargetName } from './targets'

const PEERS: TargetName[] = ['y-websocket', 'hocuspocus']
const OURS: TargetName[] = ['ours', 'ours-meeting', 'ours-pair']

/** One row of the table: a figure for each column and, where the issue sets one, its target. */
export interface RowSpec {
  id: string
  figure: string
  /** Metric id in the measurements. */
  metric: string
  unit: 'ms' | '%' | 'KB' | 'B' | 's' | 'rooms' | 'frames/s' | 'frames' | 'moves' | 'KB gzip'
  lower: boolean
  /** The target in words; empty for a figure shown for context. */
  target: string
  /** Whether one of our figures meets the target, given the better peer's (null: no peer figure). */
  meets?: (ours: number, peer: number | null, m: Measurements, column: TargetName) => boolean | null
  /** Compare with this peer only (the CPU target names Hocuspocus). */
  peer?: TargetName
  /** The comparison figure is this metric (of the ours column) instead of a peer's. */
  peerMetric?: string
  /** Only these of our columns are judged (the capacity target is for our instances on both cores). */
  judged?: TargetName[]
}

export interface Row {
  id: string
  figure: string
  unit: string
  values: Partial<Record<TargetName, number | null>>
  /** Each column's median and min–max over the repetitions. */
  spreads: Partial<Record<TargetName, Spread>>
  /** Columns whose figure is a lower bound (the ramp ended before the limit). */
  atLeast: TargetName[]
  betterPeer: number | null
  /** Ours divided by the better peer, for each of our columns that has a figure. */
  ratios: Partial<Record<TargetName, number>>
  target: string
  met: boolean | null
  /** How far from the target, when missed. */
  by: string
}

const half = (ours: number, peer: number | null) => (peer === null ? null : ours <= peer / 2)
const KB = 1024
const MB = 1024 * KB
const COLUMN_WORD: Partial<Record<TargetName, string>> = {
  ours: 'free',
  'ours-meeting': 'meeting',
  'ours-pair': '2 instances',
}
const metric = (m: Measurements, id: string, t: TargetName) => m[id]?.[t] ?? null

export const ROWS: RowSpec[] = [
  ...([2, 10, 50] as const).flatMap((n): RowSpec[] => [
    {
      id: `1.${n}a`,
      figure: `fan-out, ${n} clients, cursors 20 Hz: p50`,
      metric: `fanout.${n}.p50`,
      unit: 'ms',
      lower: true,
      target: '',
    },
    {
      id: `1.${n}b`,
      figure: `fan-out, ${n} clients, cursors 20 Hz: p99`,
      metric: `fanout.${n}.p99`,
      unit: 'ms',
      lower: true,
      target: '≤ ½ better peer',
      meets: half,
    },
  ]),
  {
    id: '2a',
    figure: 'presence storm (50 clients): server CPU',
    metric: 'fanout.50.cpu',
    unit: '%',
    lower: true,
    target: '≤ ½ Hocuspocus, cursor p50 ≤ better peer',
    meets: (o, p, m, t) => {
      const cursor = metric(m, 'fanout.50.cursorP50', t)
      const peerCursor = bestPeer(m, 'fanout.50.cursorP50', true)
      const cpu = half(o, p)
      if (cpu === null || cursor === null || peerCursor === null) return cpu
      return cpu && cursor <= peerCursor
    },
    peer: 'hocuspocus',
  },
  {
    id: '2f',
    figure: 'presence storm: cursor latency p50 (sender to each other client)',
    metric: 'fanout.50.cursorP50',
    unit: 'ms',
    lower: true,
    target: '≤ better peer',
    meets: (o, p) => (p === null ? null : o <= p),
  },
  {
    id: '2g',
    figure: 'presence storm: cursor latency p99',
    metric: 'fanout.50.cursorP99',
    unit: 'ms',
    lower: true,
    target: '',
  },
  {
    id: '2b',
    figure: 'presence storm: frames/s to each client (max)',
    metric: 'fanout.50.fpsMax',
    unit: 'frames/s',
    lower: true,
    target: '≤ 60',
    meets: (o) => o <= 60,
  },
  {
    id: '2c',
    figure: 'presence storm: moves not received',
    metric: 'fanout.50.dropped',
    unit: 'moves',
    lower: true,
    target: '0',
    meets: (o) => o === 0,
  },
  {
    id: '2d',
    figure:
      'presence storm: cursor updates each client sent a second (20 asked; fewer: harness short of CPU)',
    metric: 'fanout.50.cursorHz',
    unit: 'frames/s',
    lower: false,
    target: '',
  },
  {
    id: '2e',
    figure: 'presence storm: server RSS (peak)',
    metric: 'fanout.50.rss',
    unit: 'KB',
    lower: true,
    target: '',
  },
  {
    id: '3',
    figure: 'capacity: rooms of 6 until p99 > 50 ms (ours on 2 cores: 2 instances)',
    metric: 'capacity.rooms',
    unit: 'rooms',
    lower: false,
    target: 'ours on 2 cores ≥ 2× better peer',
    // A peer with no step within the limit leaves nothing to double: not judged.
    meets: (o, p) => (p === null || p === 0 ? null : o >= 2 * p),
    judged: ['ours-pair'],
  },
  {
    id: '3b',
    figure: 'capacity projected from server CPU: rooms of 6 at one full core',
    metric: 'capacity.projected',
    unit: 'rooms',
    lower: false,
    target: '',
  },
  {
    id: '4a',
    figure: 'memory per idle connection (heap+external after GC)',
    metric: 'memory.idleConn',
    unit: 'KB',
    lower: true,
    target: '≤ 16 KB',
    meets: (o) => o <= 16 * KB,
  },
  {
    id: '4b',
    figure: 'memory per idle connection (RSS delta)',
    metric: 'memory.idleConnRss',
    unit: 'KB',
    lower: true,
    target: '',
  },
  {
    id: '4c',
    figure: 'memory per active room, 100 notes (after GC)',
    metric: 'memory.activeRoom',
    unit: 'KB',
    lower: true,
    target: '≤ 1.5× document + 32 KB',
    meets: (o, _p, m, t) => {
      const doc = metric(m, 'memory.activeRoomDoc', t)
      return doc === null ? null : o <= 1.5 * doc + 32 * KB
    },
  },
  {
    id: '4d',
    figure: 'memory back to baseline after the last client left',
    metric: 'memory.backToBaseline',
    unit: 's',
    lower: true,
    target: '≤ 30 s',
    meets: (o) => o <= 30,
  },
  {
    id: '4e',
    figure: 'memory still held above the baseline at the end of that wait',
    metric: 'memory.residual',
    unit: 'KB',
    lower: true,
    target: '',
  },
  {
    id: '4f',
    figure: 'server memory at start (heap+external after GC)',
    metric: 'memory.baseline',
    unit: 'KB',
    lower: true,
    target: '',
  },
  {
    id: '4g',
    figure: 'server RSS at start (after GC; ours compiled, run with node as `npm start` runs it)',
    metric: 'memory.baselineRss',
    unit: 'KB',
    lower: true,
    target: '≤ better peer + 10 MB',
    meets: (o, p) => (p === null ? null : o <= p + 10 * MB),
  },
  {
    id: '5a',
    figure: 'cold join from storage, 1,000 notes',
    metric: 'join.1000.cold',
    unit: 'ms',
    lower: true,
    target: '≤ 30 ms',
    meets: (o) => o <= 30,
  },
  {
    id: '5b',
    figure: 'cold join from storage, 10,000 notes',
    metric: 'join.10000.cold',
    unit: 'ms',
    lower: true,
    target: '≤ 150 ms',
    meets: (o) => o <= 150,
  },
  {
    id: '5c',
    figure: 'cold join 10,000 notes: frames until synced',
    metric: 'join.10000.coldFrames',
    unit: 'frames',
    lower: false,
    target: 'chunked (> 2 frames)',
    meets: (o) => o > 2,
  },
  {
    id: '5d',
    figure: 'join of a room in memory, 1,000 notes',
    metric: 'join.1000.warm',
    unit: 'ms',
    lower: true,
    target: '',
  },
  {
    id: '5e',
    figure: 'join of a room in memory, 10,000 notes',
    metric: 'join.10000.warm',
    unit: 'ms',
    lower: true,
    target: '',
  },
  {
    id: '6a',
    figure: 'wire bytes per note move (received)',
    metric: 'wire.move',
    unit: 'B',
    lower: true,
    target: '≤ 64 B',
    meets: (o) => o <= 64,
  },
  {
    id: '6b',
    figure: 'wire bytes per cursor update (received)',
    metric: 'wire.cursor',
    unit: 'B',
    lower: true,
    target: '≤ 48 B',
    meets: (o) => o <= 48,
  },
  {
    id: '6c',
    figure: 'encoded document growth per move (over the moves run)',
    metric: 'wire.docPerMove',
    unit: 'B',
    lower: true,
    target: '',
  },
  {
    id: '6d',
    figure:
      'stored growth per move at steady state (ours: SQLite pages in use; peers: encoded document, they store nothing)',
    metric: 'wire.storedPerMove',
    unit: 'B',
    lower: true,
    target: 'bounded (≤ 16 B/move)',
    meets: (o) => o <= 16,
  },
  {
    id: '7',
    figure: 'durability: CPU with storage vs without (storm)',
    metric: 'durability.cpuRatio',
    unit: '%',
    lower: true,
    target: '≤ +10 %',
    meets: (o) => o <= 10,
  },
  {
    id: '8',
    figure: 'client JS (gzip), board route, initial load; better peer: a tldraw + React page',
    metric: 'client.board',
    peerMetric: 'client.tldraw',
    unit: 'KB gzip',
    lower: true,
    target: '≤ tldraw + 60 KB',
    meets: (o, _p, m) => {
      const t = metric(m, 'client.tldraw', 'ours')
      return t === null ? null : o <= t + 60 * KB
    },
  },
  {
    id: '8b',
    figure: 'client JS (gzip), meeting route, initial load',
    metric: 'client.meeting',
    peerMetric: 'client.tldraw',
    unit: 'KB gzip',
    lower: true,
    target: '≤ tldraw + 60 KB',
    meets: (o, _p, m) => {
      const t = metric(m, 'client.tldraw', 'ours')
      return t === null ? null : o <= t + 60 * KB
    },
  },
]

/** Evaluates every row against the measurements. */
export function buildRows(m: Measurements, columns: TargetName[], spreads: Spreads = {}): Row[] {
  return ROWS.map((spec) => {
    const values: Row['values'] = {}
    const rowSpreads: Row['spreads'] = {}
    for (const c of columns) {
      values[c] = metric(m, spec.metric, c)
      const s = spreads[spec.metric]?.[c]
      if (s) rowSpreads[c] = s
    }
    const peerValues = (
      spec.peerMetric
        ? [metric(m, spec.peerMetric, 'ours')]
        : (spec.peer ? [spec.peer] : PEERS).map((p) => values[p])
    ).filter((v): v is number => typeof v === 'number' && !Number.isNaN(v))
    const betterPeer =
      peerValues.length === 0 ? null : spec.lower ? Math.min(...peerValues) : Math.max(...peerValues)
    const ratios: Row['ratios'] = {}
    const verdicts: boolean[] = []
    const gaps: string[] = []
    for (const c of OURS) {
      if (spec.judged && !spec.judged.includes(c)) continue
      const v = values[c]
      if (typeof v !== 'number' || Number.isNaN(v)) continue
      if (betterPeer !== null && betterPeer !== 0 && Number.isFinite(v / betterPeer))
        ratios[c] = v / betterPeer
      const ok = spec.meets?.(v, betterPeer, m, c)
      if (ok === true || ok === false) verdicts.push(ok)
      if (ok === false) gaps.push(`${COLUMN_WORD[c] ?? c} ${gap(spec, v, betterPeer, m)}`)
    }
    const atLeast = columns.filter(
      (c) => spec.metric === 'capacity.rooms' && metric(m, 'capacity.lowerBound', c) === 1,
    )
    return {
      id: spec.id,
      figure: spec.figure,
      unit: spec.unit,
      values,
      spreads: rowSpreads,
      atLeast,
      betterPeer,
      ratios,
      target: spec.target,
      met: verdicts.length === 0 ? null : verdicts.every(Boolean),
      by: gaps.join('; '),
    }
  })
}

/** The better of the peers' figures for a metric (null if neither has one). */
function bestPeer(m: Measurements, id: string, lower: boolean): number | null {
  const xs = PEERS.map((p) => metric(m, id, p)).filter(
    (v): v is number => typeof v === 'number' && !Number.isNaN(v),
  )
  return xs.length === 0 ? null : lower ? Math.min(...xs) : Math.max(...xs)
}

/** How far a missed figure is from its target, in words. */
function gap(spec: RowSpec, ours: number, peer: number | null, m: Measurements): string {
  const limit = (() => {
    if (spec.target.startsWith('≤ ½') && peer !== null) return peer / 2
    if (spec.id === '3') return 2 * (peer ?? 0)
    if (spec.id === '4c') return 1.5 * (metric(m, 'memory.activeRoomDoc', 'ours') ?? 0) + 32 * KB
    if (spec.id.startsWith('8')) return (metric(m, 'client.tldraw', 'ours') ?? 0) + 60 * KB
    if (spec.id === '4g' && peer !== null) return peer + 10 * MB
    const n = /([\d,.]+)/.exec(spec.target)
    return n ? Number(n[1]!.replace(/,/g, '')) * (spec.unit === 'KB' ? KB : 1) : Number.NaN
  })()
  if (spec.id === '2a' && peer !== null && ours <= peer / 2)
    return `CPU within (${format(ours, spec.unit)} vs ${format(peer / 2, spec.unit)}), cursor p50 above the better peer's (row 2f)`
  if (Number.isNaN(limit) || limit === 0 || !Number.isFinite(ours)) return `${format(ours, spec.unit)}`
  return `${(ours / limit).toFixed(2)}× the limit (${format(ours, spec.unit)} vs ${format(limit, spec.unit)})`
}

export function format(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–'
  if (v === Number.POSITIVE_INFINITY) return 'not in time'
  if (unit === 'KB' || unit === 'KB gzip') return `${(v / KB).toFixed(1)} KB`
  if (unit === 'ms') return `${v.toFixed(1)} ms`
  if (unit === '%') return `${v.toFixed(1)} %`
  if (unit === 'B') return `${v.toFixed(1)} B`
  if (unit === 's') return `${v.toFixed(1)} s`
  if (unit === 'frames/s') return v.toFixed(0)
  return v.toFixed(0)
}
