import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import type { ServerConfig } from './config'
import { RoomRegistry } from './rooms/roomRegistry'
import { attachRoomSockets } from './rooms/roomSockets'
import { SqliteRoomStore } from './storage/sqliteRoomStore'

export interface RunningServer {
  port: number
  registry: RoomRegistry
  close(): Promise<void>
}

function log(line: string, fields?: Record<string, unknown>): void {
  console.log(JSON.stringify({ t: new Date().toISOString(), msg: line, ...fields }))
}

/** Wires storage, rooms, the HTTP app and the WebSocket upgrade, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const store = new SqliteRoomStore(path.join(config.dataDir, 'intervisiebord.sqlite'))
  const registry = new RoomRegistry(store, { idleMs: config.roomIdleMs, log })
  const app = createApp({ config })

  const httpServer = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s as Server),
    )
  })
  const sockets = attachRoomSockets(httpServer, registry, { log })
  const port = (httpServer.address() as AddressInfo).port

  return {
    port,
    registry,
    async close() {
      sockets.close()
      registry.closeAll()
      await new Promise<void>((resolve) => httpServer.close(() => resolve()))
      store.close()
    },
  }
}
