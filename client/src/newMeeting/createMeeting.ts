import { answer, api } from '../api/apiClient'

/** What `POST /api/meetings` answers: the meeting and its two links (paths with a secret fragment). */
export type CreatedMeeting = Awaited<ReturnType<typeof createMeeting>>

/**
 * Creates a meeting with a method. Rejects with an `ApiError` (the server's code and data, or
 * `network`); the form words it.
 */
export async function createMeeting(templateId: string, title: string) {
  return answer(api.api.meetings.$post({ json: { templateId, title } }))
}
