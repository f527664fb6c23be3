import { existsSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'

/**
 * Serves the built client: hashed assets with a long cache, and index.html for every page path
 * (the front page, /b/<board>, /m/<meeting>), so links people share open the app.
 */
export function mountClientFiles(app: Hono, clientDir: string): void {
  // serveStatic takes a root relative to the working directory.
  const root = path.relative(process.cwd(), clientDir) || '.'
  if (!existsSync(path.join(clientDir, 'index.html'))) {
    app.get('*', (c) =>
      c.text(
        'De client is nog niet gebouwd: voer `npm start` uit (dat bouwt eerst). / Client not built yet.',
        503,
      ),
    )
    return
  }
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.use('*', serveStatic({ root }))
  app.get('*', serveStatic({ root, path: 'index.html' }))
}
