/**
 * Preloaded (node --expose-gc --import) into every server the bench starts, ours and the peers
 * alike, without touching their code:
 * - on SIGUSR2 it runs a full GC and prints one line `bench-mem {rss,heapTotal,heapUsed,external,
 *   arrayBuffers}` to stdout, so memory is read after garbage is gone instead of from a noisy RSS;
 * - with BENCH_CONTROL=1 it reads commands from stdin: `profile-start` starts V8's sampling CPU
 *   profiler on the main thread; `profile-stop <regex>` stops it and prints one line
 *   `bench-profile {samples,idle,gc,matched}`: samples in the window, those idle, in the garbage
 *   collector, and those with a frame whose script URL matches the regex anywhere on the stack
 *   (code called from there, native SQLite included, counts for it).
 */
import { Session } from 'node:inspector/promises'

process.on('SIGUSR2', () => {
  globalThis.gc?.()
  globalThis.gc?.()
  process.stdout.write(`bench-mem ${JSON.stringify(process.memoryUsage())}\n`)
})

if (process.env.BENCH_CONTROL === '1') {
  const session = new Session()
  let pending = ''
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (chunk) => {
    pending += chunk
    let nl = pending.indexOf('\n')
    while (nl !== -1) {
      const line = pending.slice(0, nl)
      pending = pending.slice(nl + 1)
      void run(line).catch((error) => process.stdout.write(`bench-error ${JSON.stringify(String(error))}\n`))
      nl = pending.indexOf('\n')
    }
  })

  async function run(line) {
    if (line === 'profile-start') {
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.setSamplingInterval', { interval: 1000 })
      await session.post('Profiler.start')
    } else if (line.startsWith('profile-stop ')) {
      const pattern = new RegExp(line.slice('profile-stop '.length))
      const { profile } = await session.post('Profiler.stop')
      session.disconnect()
      process.stdout.write(`bench-profile ${JSON.stringify(summarize(profile, pattern))}\n`)
    }
  }
}

/** Counts a profile's samples: all, idle, garbage collection, and those under a matching frame. */
function summarize(profile, pattern) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const under = new Map()
  const matches = (id) => {
    if (under.has(id)) return under.get(id)
    const node = byId.get(id)
    const up = parent.get(id)
    const hit = pattern.test(node.callFrame.url) || (up !== undefined && matches(up))
    under.set(id, hit)
    return hit
  }
  const counts = { samples: 0, idle: 0, gc: 0, matched: 0 }
  for (const id of profile.samples) {
    counts.samples++
    const name = byId.get(id).callFrame.functionName
    if (name === '(idle)') counts.idle++
    else if (name === '(garbage collector)') counts.gc++
    else if (matches(id)) counts.matched++
  }
  return counts
}
