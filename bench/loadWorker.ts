/**
 * A worker thread holding a share of the cheap clients (see workerPool.ts for the commands).
 * Latencies stay here until a report, so the main thread is not woken per frame.
 */
import { parentPort } from 'node:worker_threads'
import { LoadClient, type LoadClientSpec } from './loadClient'
import type { WorkerReply, WorkerRequest } from './workerPool'

const port = parentPort!
const clients: LoadClient[] = []
let latencies: number[] = []
let cursorLatencies: number[] = []
/** Connections opened at once while adding: enough to be quick, few enough not to stall the server. */
const CONNECT_BATCH = 64

port.on('message', (request: WorkerRequest) => {
  void handle(request).then((reply) => port.postMessage(reply))
})

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.op) {
    case 'add':
      return { op: 'added', ...(await add(request.specs)) }
    case 'reset':
      latencies = []
      cursorLatencies = []
      for (const c of clients) c.reset()
      return { op: 'reset' }
    case 'report':
      return {
        op: 'report',
        latencies: Float64Array.from(latencies),
        cursorLatencies: Float64Array.from(cursorLatencies),
        clients: clients.map((c) => c.snapshot()),
      }
    case 'stop': {
      const all = clients.splice(0)
      await Promise.all(all.map((c) => c.stop()))
      latencies = []
      cursorLatencies = []
      return { op: 'stopped' }
    }
  }
}

async function add(specs: LoadClientSpec[]): Promise<{ failed: number; errors: string[] }> {
  const errors: string[] = []
  for (let i = 0; i < specs.length; i += CONNECT_BATCH) {
    const batch = specs
      .slice(i, i + CONNECT_BATCH)
      .map(
        (spec) =>
          new LoadClient(spec, (ms, kind) => (kind === 'cursor' ? cursorLatencies : latencies).push(ms)),
      )
    const results = await Promise.allSettled(batch.map((c) => c.start()))
    results.forEach((r, j) => {
      if (r.status === 'fulfilled') clients.push(batch[j]!)
      else {
        errors.push(String(r.reason?.message ?? r.reason))
        void batch[j]!.stop()
      }
    })
  }
  return { failed: errors.length, errors: [...new Set(errors)].slice(0, 5) }
}
