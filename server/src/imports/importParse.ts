import { isMainThread, parentPort } from 'node:worker_threads'
import { MeetingExport } from '../../../shared/exportFormat'
import { ApiError } from '../http/apiError'
import { validJsonText } from '../http/jsonBody'
import { unstorableText } from './databaseText'

/** A refusal as it crosses from the worker thread (a ApiError's parts). */
export interface ParseRefusal {
  status: ApiError['status']
  code: string
  message: string
  data: Record<string, string | number>
}

export type ParseAnswer = { ok: true; file: MeetingExport } | { ok: false; refusal: ParseRefusal }

/**
 * Everything an export file's text must pass before any of it is believed: its depth, JSON, the
 * format (zod), and text the databases can store. Runs in the import worker thread, so the seconds
 * a large file takes never stall other requests.
 */
export function parseExportText(text: string): ParseAnswer {
  try {
    const file = validJsonText(MeetingExport, text)
    const unstorable = unstorableText(file)
    if (unstorable) {
      throw new ApiError(400, 'invalid_import', `${unstorable.field}: ${unstorable.problem}`, {
        field: unstorable.field,
        problem: unstorable.problem,
      })
    }
    return { ok: true, file }
  } catch (error) {
    if (error instanceof ApiError) {
      return {
        ok: false,
        refusal: { status: error.status, code: error.code, message: error.message, data: { ...error.data } },
      }
    }
    return {
      ok: false,
      refusal: { status: 400, code: 'invalid_json', message: 'The export file could not be read.', data: {} },
    }
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort
  port.on('message', (message: { id: number; text: string }) => {
    port.postMessage({ id: message.id, answer: parseExportText(message.text) })
  })
}
