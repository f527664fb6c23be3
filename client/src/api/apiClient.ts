import { type ClientResponse, hc } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { AppType } from '../../../server/src/app'

/**
 * The server's API, typed from its routes (server/src/app.ts): paths, bodies and answers are
 * checked by the compiler on both sides. Use it through `answer()`, which turns a refusal into an
 * `ApiError` carrying the server's stable code and data.
 */
export const api = hc<AppType>('/')

/** A path parameter as it goes into the URL (hc puts it in as given). */
export const param = (value: string) => encodeURIComponent(value)

/** `Authorization` for calls that need the meeting's session token. */
export const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })

/**
 * A refused or failed call: the server's code (`invalid_link`, `invalid_name`, …) and the data it
 * sent with it (`{ min: 1, max: 40 }`), or code `network` when the server could not be reached.
 * The client words it (apiErrors.ts); the server's own sentence is never shown.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly data: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${status} ${code}`)
    this.name = 'ApiError'
  }
}

/** The success bodies of a typed response: what `await answer(...)` resolves with. */
type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, 'json'>
    ? [Extract<S, SuccessStatusCode>] extends [never]
      ? never
      : T
    : never

/** Awaits a typed call and returns its JSON body, or throws an `ApiError`. */
export async function answer<R extends ClientResponse<unknown, number, 'json'>>(
  request: Promise<R>,
): Promise<SuccessBody<R>> {
  let response: R
  try {
    response = await request
  } catch {
    throw new ApiError(0, 'network')
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw refusal(response.status, body)
  return body as SuccessBody<R>
}

/** The `{ error: code, ...data }` of a refusal; a body without a code keeps its HTTP status. */
export function refusal(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
    const { error, message: _sentence, ...data } = body as Record<string, unknown>
    return new ApiError(status, error as string, data)
  }
  return new ApiError(status, `http_${status}`)
}
