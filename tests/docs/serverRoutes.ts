import type { AppDeps } from '../../server/src/app'
import { createApp } from '../../server/src/app'

/** An HTTP route the server answers: its method and its Hono path (`/api/meetings/:id`). */
export interface ServerRoute {
  method: string
  path: string
}

/**
 * Stands in for every service the app is wired with. Building the routes only passes services
 * into closures (a handler calls them when a request comes); nothing here answers a request, so
 * a stand-in that returns itself for every property and call is enough to list them.
 */
function standIn(): never {
  const target = () => undefined
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) => (key === 'then' ? undefined : proxy),
    apply: () => proxy,
  })
  return proxy as never
}

/** Every route under /api, read from the app `createApp` builds (Hono keeps its route table). */
export function serverApiRoutes(): ServerRoute[] {
  const creations = standIn()
  const deps = {
    config: { tldrawLicenseKey: null, clientDir: '/nonexistent-client-dir' },
    meetings: standIn(),
    lifecycle: standIn(),
    boards: standIn(),
    drafts: standIn(),
    reflections: standIn(),
    groups: standIn(),
    templates: () => new Map(),
    creations,
  } as AppDeps
  const app = createApp(deps)
  const seen = new Map<string, ServerRoute>()
  for (const { method, path, handler } of app.routes) {
    // `ALL` entries are middleware and the JSON 404 for unknown API paths; the creation budget is
    // middleware registered per method and path: neither is a route of its own.
    if (method === 'ALL' || handler === creations || !path.startsWith('/api/')) continue
    seen.set(`${method} ${path}`, { method, path })
  }
  return [...seen.values()]
}
