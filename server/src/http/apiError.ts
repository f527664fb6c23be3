/**
 * The one error of the whole API (meetings, groups, drafts, imports): app.ts turns it into the
 * HTTP answer `{ error: code, ...data }`, a stable code and the numbers or names the client needs
 * to word it in its own language. The message is for logs and curl; no client shows it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429 | 503,
    readonly code: string,
    message: string,
    readonly data: Readonly<Record<string, string | number>> = {},
  ) {
    super(message)
  }
}
