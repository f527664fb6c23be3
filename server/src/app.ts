import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { Template } from '../../shared/templateSchema'
import type { ServerConfig } from './config'
import { draftRoutes } from './drafts/draftRoutes'
import type { DraftService } from './drafts/draftService'
import { reflectionRoutes } from './drafts/reflectionRoutes'
import type { ReflectionService } from './drafts/reflectionService'
import { groupRoutes, lookBackRoutes } from './groups/groupRoutes'
import type { GroupService } from './groups/groupService'
import { memberKeyRoutes } from './groups/memberKeyRoutes'
import { ApiError } from './http/apiError'
import { mountClientFiles } from './http/clientFiles'
import type { CreationBudget } from './http/creationBudget'
import { securityHeaders } from './http/securityHeaders'
import { boardRoutes } from './lifecycle/boardRoutes'
import type { FreeBoards } from './lifecycle/freeBoards'
import { API_BODY_LIMIT_BYTES } from './limits'
import { IMPORT_PATH, type MeetingLifecycle, meetingRoutes } from './meetings/meetingRoutes'
import type { MeetingService } from './meetings/meetingService'
import { templateRoutes } from './templates/templateRoutes'

export interface AppDeps {
  config: Pick<ServerConfig, 'tldrawLicenseKey' | 'clientDir'>
  meetings: MeetingService
  lifecycle: MeetingLifecycle
  boards: FreeBoards
  drafts: DraftService
  /** The inbrenger's sealed reflection report (seed 003), with its meeting. */
  reflections: ReflectionService
  groups: GroupService
  templates: () => ReadonlyMap<string, Template>
  /** What one address may make (meetings, groups, imports); free boards spend it at the socket. */
  creations: CreationBudget
}

/**
 * The JSON API, chained so that its type carries every route: the client's `hc<AppType>` is
 * typed from it. Failures answer `{ error: <stable code>, ...data }` (see `createApp`).
 */
function createApi({ config, meetings, lifecycle, boards, drafts, reflections, groups, templates }: AppDeps) {
  return new Hono()
    .basePath('/api')
    .get('/health', (c) => c.json({ ok: true }))
    .get('/config', (c) => c.json({ tldrawLicenseKey: config.tldrawLicenseKey }))
    .get('/time', (c) => c.json({ now: Date.now() }))
    .route('/templates', templateRoutes(templates))
    .route('/meetings', meetingRoutes(meetings, lifecycle))
    .route('/boards', boardRoutes(boards))
    .route('/meetings', draftRoutes(meetings, drafts))
    .route('/meetings', lookBackRoutes(groups, meetings))
    .route('/meetings', reflectionRoutes(meetings, reflections))
    .route('/groups', groupRoutes(groups, lifecycle.group))
    .route('/groups', memberKeyRoutes(groups))
}

/** The HTTP side: a small JSON API under /api and the built client for everything else. */
export function createApp(deps: AppDeps) {
  const app = new Hono()
  app.use('*', securityHeaders())
  // No request body is bigger than a page of sealed drafts; a larger one is refused unread.
  const apiBodyLimit = bodyLimit({
    maxSize: API_BODY_LIMIT_BYTES,
    // The rest of the body is never read, so this connection cannot carry another request.
    onError: (c) =>
      c.json(
        {
          error: 'body_too_large',
          max: API_BODY_LIMIT_BYTES,
          message: `A request body may hold at most ${API_BODY_LIMIT_BYTES} bytes.`,
        },
        413,
        { Connection: 'close' },
      ),
  })
  // An export file may be larger; its route has its own limit (IMPORT_LIMITS.bytes).
  app.use('/api/*', (c, next) => (c.req.path === IMPORT_PATH ? next() : apiBodyLimit(c, next)))
  // Everything that makes something new costs a token of its address's budget, before its body is read.
  app.on(
    'POST',
    ['/api/meetings', IMPORT_PATH, '/api/groups', '/api/groups/:id/meetings'],
    deps.creations.middleware(),
  )
  app.route('/', createApi(deps))
  app.all('/api/*', (c) =>
    c.json(
      {
        error: 'not_found',
        method: c.req.method,
        path: c.req.path,
        message: `No API route ${c.req.method} ${c.req.path}`,
      },
      404,
    ),
  )
  // One place turns failures into answers: a stable code the client words, the data it needs
  // for that (limits as numbers, the field), and a sentence for whoever reads the raw answer.
  app.onError((error, c) => {
    if (error instanceof ApiError)
      return c.json({ ...error.data, error: error.code, message: error.message }, error.status)
    if (error instanceof HTTPException)
      return c.json({ error: 'http_error', status: error.status, message: error.message }, error.status)
    console.error(error)
    return c.json({ error: 'internal', message: 'Internal server error' }, 500)
  })
  mountClientFiles(app, deps.config.clientDir)
  return app
}

/** The API's routes as types, for `hc<AppType>('/')` in the client. */
export type AppType = ReturnType<typeof createApi>
