import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ServerConfig } from './config'
import { mountClientFiles } from './http/clientFiles'
import { securityHeaders } from './http/securityHeaders'

export interface AppDeps {
  config: Pick<ServerConfig, 'tldrawLicenseKey' | 'clientDir'>
}

/** The HTTP side: a small JSON API under /api and the built client for everything else. */
export function createApp({ config }: AppDeps) {
  const api = new Hono()
    .get('/health', (c) => c.json({ ok: true }))
    .get('/config', (c) => c.json({ tldrawLicenseKey: config.tldrawLicenseKey }))
    .get('/time', (c) => c.json({ now: Date.now() }))

  const app = new Hono()
  app.use('*', securityHeaders())
  app.route('/api', api)
  app.all('/api/*', (c) =>
    c.json({ error: 'not_found', message: `No API route ${c.req.method} ${c.req.path}` }, 404),
  )
  app.onError((error, c) => {
    if (error instanceof HTTPException)
      return c.json({ error: 'http_error', message: error.message }, error.status)
    console.error(error)
    return c.json({ error: 'internal', message: 'Internal server error' }, 500)
  })
  mountClientFiles(app, config.clientDir)
  return app
}

export type AppType = ReturnType<typeof createApp>
