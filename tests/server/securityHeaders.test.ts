import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/src/app'
import type { DraftService } from '../../server/src/drafts/draftService'
import type { ReflectionService } from '../../server/src/drafts/reflectionService'
import type { GroupService } from '../../server/src/groups/groupService'
import { CreationBudget } from '../../server/src/http/creationBudget'
import type { FreeBoards } from '../../server/src/lifecycle/freeBoards'
import type { MeetingLifecycle } from '../../server/src/meetings/meetingRoutes'
import type { MeetingService } from '../../server/src/meetings/meetingService'
import { makeTempDir } from '../helpers/tempDir'

// A built client of one page, so the page routes answer as in production.
const client = makeTempDir('intervisiebord-client-')
writeFileSync(path.join(client.dir, 'index.html'), '<!doctype html><title>bord</title>')
afterAll(() => client.cleanup())

const app = createApp({
  config: { tldrawLicenseKey: null, clientDir: client.dir },
  // Not called by these routes.
  meetings: {} as MeetingService,
  // Read while the routes are built (the import route's settings); its parser is never called.
  lifecycle: {
    imports: { access: { token: null, anonymous: false }, maxBytes: 1, parser: {} },
  } as unknown as MeetingLifecycle,
  boards: {} as FreeBoards,
  drafts: {} as DraftService,
  reflections: {} as ReflectionService,
  groups: {} as GroupService,
  templates: () => new Map(),
  creations: new CreationBudget(60, 20, false),
})

/** The policy written out here, not imported: a change to it must show up as a failing test. */
const EXPECTED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

function directives(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) out[name] = values
  }
  return out
}

describe('security headers', () => {
  for (const url of ['/', '/m/abc123', '/assets/none.js', '/api/health', '/api/nope']) {
    it(`are on ${url}`, async () => {
      const res = await app.request(url)
      const csp = res.headers.get('Content-Security-Policy') ?? ''
      expect(directives(csp)).toEqual(EXPECTED_CSP)
      // Nothing that lets a script build code or reach another host.
      expect(csp).not.toContain('unsafe-eval')
      expect(csp).not.toMatch(/https?:|\*/)
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin')
      expect(res.headers.get('Permissions-Policy')).toBe('camera=(), microphone=(), geolocation=()')
    })
  }

  it('serve the page itself under the policy', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>bord</title>')
  })
})
