/**
 * Preloaded (node --expose-gc --import) into every server the bench starts, ours and the peers
 * alike, without touching their code: on SIGUSR2 it runs a full GC and prints one line
 * `bench-mem {rss,heapTotal,heapUsed,external,arrayBuffers}` to stdout, so memory per connection
 * is read after garbage is gone instead of from a noisy RSS.
 */
process.on('SIGUSR2', () => {
  globalThis.gc?.()
  globalThis.gc?.()
  process.stdout.write(`bench-mem ${JSON.stringify(process.memoryUsage())}\n`)
})
