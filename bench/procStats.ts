import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Clock ticks a second of /proc/<pid>/stat's utime and stime. */
const CLK_TCK = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

/** Resident set size in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  return match ? Number(match[1]) * 1024 : Number.NaN
}

export interface ProcWindow {
  /** Percent of one core over the window (over 100 when several processes use several cores). */
  cpuPercent: number
  rssPeak: number
  rssLast: number
  seconds: number
}

/** Samples the CPU and RSS of a server's processes (summed) from /proc over a window (RSS every 250 ms). */
export class ProcSampler {
  private readonly pids: number[]
  private readonly t0 = process.hrtime.bigint()
  private readonly cpu0: number
  private rssPeak = 0
  private readonly timer: NodeJS.Timeout

  constructor(pid: number | number[]) {
    this.pids = Array.isArray(pid) ? pid : [pid]
    this.cpu0 = this.cpu()
    this.sample()
    this.timer = setInterval(() => this.sample(), 250)
  }

  private sample(): void {
    try {
      this.rssPeak = Math.max(this.rssPeak, this.rss())
    } catch {
      // the process is gone; stop() reports what was seen
    }
  }

  private cpu(): number {
    return this.pids.reduce((sum, p) => sum + cpuSeconds(p), 0)
  }

  private rss(): number {
    return this.pids.reduce((sum, p) => sum + rssBytes(p), 0)
  }

  stop(): ProcWindow {
    clearInterval(this.timer)
    const seconds = Number(process.hrtime.bigint() - this.t0) / 1e9
    let cpu = Number.NaN
    let rssLast = Number.NaN
    try {
      cpu = this.cpu() - this.cpu0
      rssLast = this.rss()
    } catch {
      // gone
    }
    return {
      cpuPercent: (cpu / seconds) * 100,
      rssPeak: Math.max(this.rssPeak, rssLast || 0),
      rssLast,
      seconds,
    }
  }
}
