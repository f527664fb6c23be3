import net from 'node:net'

/**
 * A TCP proxy in the test process, to cut an instance off from Redis: `cut()` closes every
 * connection through it and stops listening, as a network partition would; `restore()` listens
 * again on the same port. Both do nothing when already done.
 */
export interface TcpProxy {
  port: number
  url: string
  cut(): Promise<void>
  /** Holds every byte in both directions, connections open: a silent partition (or a stalled link). */
  pause(): void
  /** Delivers what was held and forwards again. */
  resume(): void
  restore(): Promise<void>
  close(): Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let paused = false
  const heldUp: Array<() => void> = []
  let server = listen()
  let listening = true
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as net.AddressInfo).port

  function listen(): net.Server {
    return net.createServer((client) => {
      const upstream = net.connect(target.port, target.host)
      sockets.add(client)
      sockets.add(upstream)
      const forward = (from: net.Socket, to: net.Socket) =>
        from.on('data', (data) => {
          if (paused) heldUp.push(() => to.write(data))
          else to.write(data)
        })
      forward(client, upstream)
      forward(upstream, client)
      const end = () => {
        client.destroy()
        upstream.destroy()
        sockets.delete(client)
        sockets.delete(upstream)
      }
      client.on('error', end)
      upstream.on('error', end)
      client.on('close', end)
      upstream.on('close', end)
    })
  }

  const proxy: TcpProxy = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      if (!listening) return
      listening = false
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const s of sockets) s.destroy()
      sockets.clear()
      await closed
    },
    pause() {
      paused = true
    },
    resume() {
      paused = false
      for (const deliver of heldUp.splice(0)) deliver()
    },
    async restore() {
      if (listening) return
      listening = true
      server = listen()
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
    },
    async close() {
      proxy.resume()
      await proxy.cut().catch(() => {})
    },
  }
  return proxy
}
