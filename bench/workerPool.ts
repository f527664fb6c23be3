import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ClientWindow, LoadClientSpec } from './loadClient'

export type WorkerRequest =
  | { op: 'add'; specs: LoadClientSpec[] }
  | { op: 'reset' }
  | { op: 'report' }
  | { op: 'stop' }

export type WorkerReply =
  | { op: 'added'; failed: number; errors: string[] }
  | { op: 'reset' }
  | { op: 'report'; latencies: Float64Array; cursorLatencies: Float64Array; clients: ClientWindow[] }
  | { op: 'stopped' }

/** What all workers saw in one window. */
export interface PoolReport {
  /** Moves and edits: from the sender's stamp to a client finding it in an update. */
  latencies: number[]
  /** Cursors: from the sender's stamp to another client finding it in a presence frame. */
  cursorLatencies: number[]
  clients: ClientWindow[]
}

const REPLY_TIMEOUT_MS = 120_000

/**
 * Cheap clients spread over worker threads (round robin), so that parsing thousands of frames a
 * second is not done on the thread that drives the writers. With 2 cores the workers still share
 * them with the server under test: the figures say so.
 */
export class WorkerPool {
  private readonly workers: Worker[]
  private next = 0

  constructor(size = defaultSize()) {
    this.workers = Array.from(
      { length: size },
      () => new Worker(new URL('./loadWorkerEntry.mjs', import.meta.url)),
    )
    for (const w of this.workers) w.unref()
  }

  get size(): number {
    return this.workers.length
  }

  /** Connects the clients; resolves with how many could not connect (and why, a few reasons). */
  async add(specs: LoadClientSpec[]): Promise<{ failed: number; errors: string[] }> {
    const shares: LoadClientSpec[][] = this.workers.map(() => [])
    for (const spec of specs) shares[this.next++ % this.workers.length]!.push(spec)
    const replies = await Promise.all(this.workers.map((w, i) => ask(w, { op: 'add', specs: shares[i]! })))
    let failed = 0
    const errors: string[] = []
    for (const r of replies) {
      if (r.op !== 'added') continue
      failed += r.failed
      errors.push(...r.errors)
    }
    return { failed, errors: [...new Set(errors)].slice(0, 5) }
  }

  async reset(): Promise<void> {
    await Promise.all(this.workers.map((w) => ask(w, { op: 'reset' })))
  }

  async report(): Promise<PoolReport> {
    const replies = await Promise.all(this.workers.map((w) => ask(w, { op: 'report' })))
    const out: PoolReport = { latencies: [], cursorLatencies: [], clients: [] }
    for (const r of replies) {
      if (r.op !== 'report') continue
      for (const l of r.latencies) out.latencies.push(l)
      for (const l of r.cursorLatencies) out.cursorLatencies.push(l)
      out.clients.push(...r.clients)
    }
    return out
  }

  /** Closes every client (the workers stay for the next scenario). */
  async stopClients(): Promise<void> {
    await Promise.all(this.workers.map((w) => ask(w, { op: 'stop' })))
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
  }
}

/** Two workers on a 2-core machine: one per core, sharing them with the server and the main thread. */
function defaultSize(): number {
  return Math.max(2, Math.min(4, availableParallelism()))
}

function ask(worker: Worker, request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not answer ${request.op}`)), REPLY_TIMEOUT_MS)
    const onError = (error: Error) => {
      clearTimeout(timer)
      reject(error)
    }
    worker.once('error', onError)
    worker.once('message', (reply: WorkerReply) => {
      clearTimeout(timer)
      worker.off('error', onError)
      resolve(reply)
    })
    worker.postMessage(request)
  })
}
