import type { ScenarioContext, ScenarioResult } from '../context'
import { sleep } from '../context'
import type { LoadClientSpec } from '../loadClient'
import { ProcSampler } from '../procStats'
import { percentile } from '../stats'
import { benchNote, openRoom, presenceJson } from '../targets'
import { fmt } from './fanOut'

const ROOM_SIZE = 6
const LIMIT_MS = 50
/** The default run: a short ramp that fits the 10-minute run; --full for the whole ramp. */
const QUICK = { steps: [10, 25, 50, 100, 200, 300], windowS: 2, budgetS: 60 }
const FULL = {
  steps: [10, 25, 50, 100, 200, 300, 400, 600, 800, 1000, 1300, 1600, 2000, 2500, 3000, 4000],
  windowS: 10,
  budgetS: 1800,
}

/**
 * Scenario 3: rooms of six (in a meeting: the facilitator and five members), each client editing
 * a note of its own once a second and moving its cursor 10 times a second; rooms are added step
 * by step until the p99 of edit arrival passes 50 ms, connections fail, or the time budget ends.
 * The figure is the last step within the limit; when the ramp ended first it is a lower bound.
 * Latency on a shared machine suffers from every other process, so a second figure projects
 * from the server's own CPU at the largest step: the rooms at which it would use one full core.
 */
export async function capacity(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { pool, server, target, options } = ctx
  const plan = options.full ? FULL : QUICK
  const started = Date.now()
  const notes: string[] = []
  const steps: string[] = []
  let rooms = 0
  let passed = 0
  let writerId = 10_000
  let stoppedBy: string | null = null
  /** The largest step measured, for the projection from CPU (whatever its latency). */
  let largest: { rooms: number; cpu: number } | null = null
  try {
    for (const step of plan.steps) {
      if ((Date.now() - started) / 1000 > plan.budgetS) {
        stoppedBy = `time budget (${plan.budgetS} s)`
        break
      }
      const specs: LoadClientSpec[] = []
      for (; rooms < step; rooms++) {
        const room = await openRoom(server, target, ROOM_SIZE - 1)
        for (const m of [room.writer, ...room.members]) {
          const id = writerId++
          specs.push({
            endpoint: m.endpoint,
            cursorHz: 10,
            editHz: 1,
            writerId: id,
            note: benchNote(`shape:load${id}`, m.authorId, id % 40) as unknown as Record<string, unknown>,
            presence: presenceJson(m.authorId),
          })
        }
      }
      const added = await pool.add(specs)
      await sleep(1000)
      await pool.reset()
      const sampler = new ProcSampler(server.pids)
      await sleep(plan.windowS * 1000)
      const proc = sampler.stop()
      const report = await pool.report()
      const p99 = percentile(report.latencies, 99)
      const closed = report.clients.filter((c) => c.closeCode !== null).length
      largest = { rooms: step, cpu: proc.cpuPercent }
      steps.push(`${step}: p99 ${fmt(p99)} ms, CPU ${proc.cpuPercent.toFixed(0)} %`)
      ctx.log(
        `capacity ${step} rooms (${step * ROOM_SIZE} clients): p50 ${fmt(percentile(report.latencies, 50))} ms, p99 ${fmt(p99)} ms, server CPU ${proc.cpuPercent.toFixed(0)} %, ` +
          `${report.latencies.length} edits received` +
          (added.failed ? `, ${added.failed} could not connect (${added.errors[0]})` : '') +
          (closed ? `, ${closed} closed by the server` : ''),
      )
      if (added.failed > 0 || closed > 0) {
        stoppedBy = `${added.failed + closed} connections failed or closed at ${step} rooms`
        break
      }
      if (!(p99 <= LIMIT_MS)) {
        stoppedBy = `p99 ${fmt(p99)} ms at ${step} rooms`
        break
      }
      passed = step
    }
  } finally {
    await pool.stopClients()
  }
  const lowerBound = stoppedBy === null || stoppedBy.startsWith('time')
  notes.push(
    `${target.label} capacity ramp: ${steps.join('; ')}` +
      (lowerBound
        ? ` (ramp ended at ${passed} rooms within the limit: a lower bound)`
        : ` (stopped: ${stoppedBy})`),
  )
  // Node runs a server's JavaScript on one thread: one full core a process is its ceiling.
  const ceiling = 100 * server.pids.length
  const projected = largest && largest.cpu > 0 ? largest.rooms / (largest.cpu / ceiling) : null
  return {
    figures: {
      'capacity.rooms': passed,
      'capacity.lowerBound': lowerBound ? 1 : 0,
      'capacity.projected': projected,
    },
    notes,
  }
}
