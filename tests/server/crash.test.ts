import { afterAll, expect, it } from 'vitest'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'
import { makeTempDir } from '../helpers/tempDir'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'

const temp = makeTempDir()
const processes: ServerProcess[] = []
afterAll(async () => {
  for (const p of processes) await p.stop({ keepData: true }).catch(() => {})
  temp.cleanup()
})

it('loses nothing another client had received when the server is killed with SIGKILL', async () => {
  const first = await startServerProcess({ dataDir: temp.dir })
  processes.push(first)
  const room = 'crashtest-room1'
  const writer = connectClient(first.url, room)
  const observer = connectClient(first.url, room)
  await Promise.all([waitForSync(writer), waitForSync(observer)])

  // The writer edits steadily; the observer records what it has seen.
  let i = 0
  const writing = setInterval(() => {
    for (let k = 0; k < 5; k++) {
      writer.kv.set(`shape:${i % 40}`, { n: i, payload: 'x'.repeat(i % 200) })
      i++
    }
  }, 2)
  await eventually(
    () => (observer.kv.get('shape:39') as { n: number } | undefined) !== undefined,
    10_000,
    'edits flowing',
  )
  await new Promise((r) => setTimeout(r, 300))
  await first.kill9()
  clearInterval(writing)
  const seen = new Map<string, unknown>()
  for (const [key, entry] of observer.kv.map) seen.set(key, entry.val)
  writer.destroy()
  observer.destroy()
  expect(seen.size).toBe(40)

  const second = await startServerProcess({ dataDir: temp.dir })
  processes.push(second)
  const check = connectClient(second.url, room)
  await waitForSync(check)
  for (const [key, val] of seen) {
    // Every value the observer saw is there, or a later one from the same writer.
    const now = check.kv.get(key) as { n: number }
    expect(now, key).toBeDefined()
    expect(now.n).toBeGreaterThanOrEqual((val as { n: number }).n)
  }
  check.destroy()
})
