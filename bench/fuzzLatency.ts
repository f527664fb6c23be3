/**
 * The honest room beside `npm run fuzz`, in a process of its own (so the fuzz driver's work does
 * not count as server latency): one stock client edits a small note every `intervalMs`, another
 * notes when each edit arrives. Started by bench/fuzz.ts with fork(); on 'stop' it sends the
 * round-trip times (ms) back and exits.
 */
import { performance } from 'node:perf_hooks'
import { noteRecord } from '../tests/helpers/records'
import { connectClient, waitForSync } from '../tests/helpers/yjsClient'

interface Start {
  url: string
  roomId: string
  writer: { id: string; token: string }
  reader: { token: string }
  intervalMs: number
}

const NOTE = 'shape:latency-probe'
const LOST_MS = 10_000

process.once('message', (start: Start) => {
  void measure(start)
})

async function measure(start: Start): Promise<void> {
  const writer = connectClient(start.url, start.roomId, { token: start.writer.token })
  const reader = connectClient(start.url, start.roomId, { token: start.reader.token })
  await Promise.all([waitForSync(writer, 15_000), waitForSync(reader, 15_000)])
  const latencies: number[] = []
  let lost = 0
  let waiting: number | null = null
  reader.kv.on('change', (changes: Map<string, { newValue?: { meta?: { sentAt?: number } } }>) => {
    const sentAt = changes.get(NOTE)?.newValue?.meta?.sentAt
    if (sentAt === undefined || sentAt !== waiting) return
    latencies.push(performance.now() - sentAt)
    waiting = null
  })
  let seq = 0
  const timer = setInterval(() => {
    // One edit in flight at a time, so a slow one is measured, not skipped; one that has not
    // arrived after LOST_MS counts as lost and the next goes out.
    if (waiting !== null && performance.now() - waiting < LOST_MS) return
    if (waiting !== null) lost++
    const record = noteRecord({
      id: NOTE,
      x: -4000,
      y: -4000,
      authorId: start.writer.id,
      text: `probe ${seq++}`,
    })
    waiting = performance.now()
    writer.kv.set(NOTE, { ...record, meta: { ...record.meta, sentAt: waiting } })
  }, start.intervalMs)
  process.once('message', () => {
    clearInterval(timer)
    process.send?.({ latencies, lost }, () => {
      writer.destroy()
      reader.destroy()
      process.exit(0)
    })
  })
  process.send?.({ ready: true })
}
