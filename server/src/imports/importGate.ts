import { timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../http/apiError'
import { SerialQueue } from '../rooms/serialQueue'

/** Who may import (IMPORT_TOKEN, IMPORT_ANONYMOUS; README "Import"). */
export interface ImportAccess {
  /** The import code the operator hands out; null: none. */
  token: string | null
  /** Anyone may import, without a code (the operator said so). */
  anonymous: boolean
}

/** Imports that may wait for their turn; more are refused at once. */
export const IMPORT_QUEUE = 8

/**
 * An import makes meetings from megabytes of someone's file, so nobody does it unannounced: it
 * needs the operator's import code as a Bearer token, unless the operator opened imports to
 * everyone. Without either setting, imports are off. Checked before the body is read.
 */
export function importAccess(access: ImportAccess): MiddlewareHandler {
  return async function requireImportCode(c, next) {
    if (access.anonymous) return next()
    if (access.token === null) {
      throw new ApiError(403, 'import_off', 'Importing is off on this server (IMPORT_TOKEN is not set).')
    }
    const presented = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? ''
    if (!sameSecret(presented, access.token)) {
      throw new ApiError(401, 'import_code_wrong', 'This import needs the import code of this server.')
    }
    return next()
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * One import at a time, from reading its body to its last write: six at once take six times as
 * long, but each request in between waits for one import's step at most. Over IMPORT_QUEUE
 * waiting, refused (503 `import_busy`) before its body is read.
 */
export function oneImportAtATime(): MiddlewareHandler {
  const queue = new SerialQueue(() => {})
  let queued = 0
  return async function importInTurn(_c, next) {
    if (queued >= IMPORT_QUEUE) {
      throw new ApiError(503, 'import_busy', 'Other imports are running; try again in a minute.', {
        max: IMPORT_QUEUE,
      })
    }
    queued++
    try {
      await queue.run(() => next())
    } finally {
      queued--
    }
  }
}
