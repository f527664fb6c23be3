import { afterAll, beforeAll, expect, it } from 'vitest'
import { MAX_JSON_BODY_DEPTH } from '../../server/src/http/jsonBody'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { importHeaders } from '../helpers/testServerEnv'

/**
 * A request body is bounded in depth before it is parsed: an export file (10 MiB allowed) nested
 * a hundred thousand deep is refused with the limit, and the server goes on answering.
 */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

it('refuses a body nested deeper than the limit, unparsed, and stays up', async () => {
  const deep = `{"format":"intervisiebord-export","meetings":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`
  const res = await fetch(`${server.url}/api/meetings/import`, {
    method: 'POST',
    body: deep,
    headers: importHeaders,
  })
  expect(res.status).toBe(400)
  expect(await res.json()).toMatchObject({ error: 'invalid_json', max: MAX_JSON_BODY_DEPTH })
  // Just within the limit is read (and then judged by its schema, not by its depth).
  const nested = `{"templateId":${'['.repeat(MAX_JSON_BODY_DEPTH - 1)}${']'.repeat(MAX_JSON_BODY_DEPTH - 1)},"title":""}`
  const within = await fetch(`${server.url}/api/meetings`, { method: 'POST', body: nested })
  expect((await within.json()) as { error: string }).toMatchObject({ error: 'invalid_body' })
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
})
