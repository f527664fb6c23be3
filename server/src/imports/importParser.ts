import { Worker } from 'node:worker_threads'
import type { MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import type { MeetingExport } from '../../../shared/exportFormat'
import { ApiError } from '../http/apiError'
import type { ParseAnswer } from './importParse'

const WORKER_FILE = new URL('./importWorker.mjs', import.meta.url)

/**
 * Parses and validates export files in a worker thread of its own (importParse.ts): JSON.parse and
 * the format check of a file of megabytes take the better part of a second, which on the event
 * loop would stall every other request. One worker, started at the first import, serves them in
 * turn; if it dies, what it held is refused (503) and the next import starts a new one.
 */
export class ImportParser {
  private worker: Worker | null = null
  private nextId = 1
  private readonly waiting = new Map<number, { resolve(a: ParseAnswer): void; reject(e: unknown): void }>()

  async parse(text: string): Promise<MeetingExport> {
    const answer = await new Promise<ParseAnswer>((resolve, reject) => {
      const id = this.nextId++
      this.waiting.set(id, { resolve, reject })
      this.start().postMessage({ id, text })
    })
    if (answer.ok) return answer.file
    const { status, code, message, data } = answer.refusal
    throw new ApiError(status, code, message, data)
  }

  close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    this.fail()
    return worker ? worker.terminate().then(() => {}) : Promise.resolve()
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(WORKER_FILE)
    worker.unref()
    worker.on('message', ({ id, answer }: { id: number; answer: ParseAnswer }) => {
      this.waiting.get(id)?.resolve(answer)
      this.waiting.delete(id)
    })
    const gone = () => {
      if (this.worker !== worker) return
      this.worker = null
      this.fail()
    }
    worker.on('error', gone)
    worker.on('exit', gone)
    this.worker = worker
    return worker
  }

  private fail(): void {
    for (const { reject } of this.waiting.values()) {
      reject(new ApiError(503, 'import_failed', 'The export file could not be read; nothing was made.'))
    }
    this.waiting.clear()
  }
}

/**
 * The import route's body: read as text (its size bounded before this), then parsed and checked
 * by the worker. Typed like `jsonBody(MeetingExport)`, so the client's `hc` knows the body.
 */
export function importBody(parser: ImportParser): MiddlewareHandler<
  // biome-ignore lint/suspicious/noExplicitAny: the same Env as Hono's validator, so it fits any app
  any,
  string,
  { in: { json: z.input<typeof MeetingExport> }; out: { json: z.output<typeof MeetingExport> } }
> {
  return async function parseImportBody(c, next) {
    c.req.addValidatedData('json', await parser.parse(await c.req.raw.text()))
    await next()
  }
}
