/**
 * Runs a room's asynchronous steps one after another, in the order they were queued: an update
 * is stored before it is broadcast, and a sync answer leaves only after everything it contains
 * was stored. Once closed, queued steps that have not started are skipped.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve()
  private closed = false

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Queues a step; a failure is reported to onError and the queue goes on. */
  enqueue(step: () => void | Promise<void>): void {
    this.run(step).catch(this.onError)
  }

  /** Queues a step and resolves (or rejects) with it. */
  run(step: () => void | Promise<void>): Promise<void> {
    const result = this.tail.then(() => (this.closed ? undefined : step()))
    this.tail = result.catch(() => {})
    return result
  }

  /** Resolves once every step queued so far has finished. */
  idle(): Promise<void> {
    return this.tail
  }

  /** Skips every step that has not started yet, and all later ones. */
  close(): void {
    this.closed = true
  }
}
