import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Template } from '../../templates/src/schema'
import type { ServerConfig } from './config'
import { mountClientFiles } from './http/clientFiles'
import { securityHeaders } from './http/securityHeaders'
import { meetingRoutes } from './meetings/meetingRoutes'
import { MeetingError, type MeetingService } from './meetings/meetingService'
import { templateRoutes } from './templates/templateRoutes'

export interface AppDeps {
  config: Pick<ServerConfig, 'tldrawLicenseKey' | 'clientDir'>
  meetings: MeetingService
  templates: () => ReadonlyMap<string, Template>
}

/** The HTTP side: a small JSON API under /api and the built client for everything else. */
export function createApp({ config, meetings, templates }: AppDeps) {
  const api = new Hono()
    .get('/health', (c) => c.json({ ok: true }))
    .get('/config', (c) => c.json({ tldrawLicenseKey: config.tldrawLicenseKey }))
    .get('/time', (c) => c.json({ now: Date.now() }))
    .route('/templates', templateRoutes(templates))
    .route('/meetings', meetingRoutes(meetings))

  const app = new Hono()
  app.use('*', securityHeaders())
  app.route('/api', api)
  app.all('/api/*', (c) =>
    c.json({ error: 'not_found', message: `No API route ${c.req.method} ${c.req.path}` }, 404),
  )
  app.onError((error, c) => {
    if (error instanceof MeetingError)
      return c.json({ error: error.code, message: error.message }, error.status)
    if (error instanceof HTTPException)
      return c.json({ error: 'http_error', message: error.message }, error.status)
    console.error(error)
    return c.json({ error: 'internal', message: 'Internal server error' }, 500)
  })
  mountClientFiles(app, config.clientDir)
  return app
}

export type AppType = ReturnType<typeof createApp>
