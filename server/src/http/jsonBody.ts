import type { MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { jsonTextWithin } from '../rooms/jsonBounds'
import { ApiError } from './apiError'

/**
 * Validates a JSON body against a zod schema at the edge. Unlike Hono's own `validator('json')`
 * it reads the body whatever the Content-Type says and answers with our codes (`invalid_json`,
 * `invalid_body` with the field and the limit), so every client gets the same refusal. Typed like
 * Hono's validator, so `c.req.valid('json')` and the `hc` client know the body's shape.
 */
export function jsonBody<T extends z.ZodType>(
  schema: T,
): MiddlewareHandler<
  // biome-ignore lint/suspicious/noExplicitAny: the same Env as Hono's validator, so it fits any app
  any,
  string,
  { in: { json: z.input<T> }; out: { json: z.output<T> } }
> {
  return async function validateJsonBody(c, next) {
    c.req.addValidatedData('json', validJsonText(schema, await c.req.raw.text()) as object)
    await next()
  }
}

/**
 * A body's text as JSON of `schema`, or the refusal `jsonBody` answers with. Synchronous and free
 * of the request, so the import's worker thread validates an export file with the same rules.
 */
export function validJsonText<T extends z.ZodType>(schema: T, text: string): z.output<T> {
  const parsed = schema.safeParse(parseJsonText(text))
  if (!parsed.success) throw badBody(parsed.error)
  return parsed.data
}

/**
 * Nesting a request body may have. An honest one (an export's rich text included) nests about
 * ten deep; deeper JSON parses, but validating and storing it later recurses.
 */
export const MAX_JSON_BODY_DEPTH = 64

/** The body as JSON, its depth bounded before it is parsed (the size is bounded before this). */
function parseJsonText(text: string): unknown {
  if (jsonTextWithin(text, MAX_JSON_BODY_DEPTH) !== null) {
    throw new ApiError(400, 'invalid_json', `The request body nests deeper than ${MAX_JSON_BODY_DEPTH}.`, {
      max: MAX_JSON_BODY_DEPTH,
    })
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.')
  }
}

/** The first problem, as data the client can word: which field, what kind, and the limit. */
function badBody(error: z.ZodError): ApiError {
  const first = error.issues[0]
  const field = first?.path.length ? first.path.join('.') : 'body'
  const data: Record<string, string | number> = { field, issue: first?.code ?? 'invalid' }
  if (first && 'minimum' in first) data.min = Number(first.minimum)
  if (first && 'maximum' in first) data.max = Number(first.maximum)
  return new ApiError(400, 'invalid_body', `${field}: ${first?.message ?? 'invalid'}`, data)
}
