import type { MeetingExport } from '../../../shared/exportFormat'
import type { MeetingCommand } from '../../../shared/phaseMachine'
import type { RoleId } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import { ApiError, answer, api, bearer, param } from '../api/apiClient'

export { ApiError }

const meetings = api.api.meetings
const at = (meetingId: string) => ({ param: { id: param(meetingId) } })

/**
 * The meeting API (server/src/meetings/meetingRoutes.ts) through the typed client. Every call
 * resolves with the server's answer or rejects with an `ApiError` (code and data).
 */
export const meetingApi = {
  create: (templateId: string, title: string) => answer(meetings.$post({ json: { templateId, title } })),
  /** Whether a bare code names a meeting (else it is a free board's). */
  exists: async (meetingId: string) => (await answer(meetings[':id'].exists.$get(at(meetingId)))).exists,
  /** Title, method and facilitator, for someone holding a valid link's secret. */
  preview: (meetingId: string, secret: string) =>
    answer(meetings[':id'].preview.$post({ ...at(meetingId), json: { secret } })),
  /** With a member's credential too, the facilitator comes in as that group member. */
  facilitate: (meetingId: string, secret: string, name: string, member?: string) =>
    answer(meetings[':id'].facilitate.$post({ ...at(meetingId), json: { secret, name, member } })),
  join: (meetingId: string, secret: string, name: string, member?: string) =>
    answer(meetings[':id'].join.$post({ ...at(meetingId), json: { secret, name, member } })),
  /** Joins as a group member with their personal link's credential (their name is theirs). */
  joinAsMember: (meetingId: string, member: string) =>
    answer(meetings[':id'].join.$post({ ...at(meetingId), json: { member } })),
  /** Removes someone (facilitator only): their session ends everywhere and cannot come back. */
  remove: (meetingId: string, token: string, participantId: string) =>
    answer(
      meetings[':id'].participants[':participantId'].$delete(
        { param: { id: param(meetingId), participantId: param(participantId) } },
        bearer(token),
      ),
    ),
  /** A new invite link (facilitator only); the old one stops working. */
  renewInvite: (meetingId: string, token: string) =>
    answer(meetings[':id'].invite.$post(at(meetingId), bearer(token))),
  get: (meetingId: string, token: string) => answer(meetings[':id'].$get(at(meetingId), bearer(token))),
  command: (meetingId: string, token: string, command: MeetingCommand) =>
    answer(meetings[':id'].commands.$post({ ...at(meetingId), json: command }, bearer(token))),
  assignRole: (meetingId: string, token: string, participantId: string, role: RoleId) =>
    answer(meetings[':id'].roles.$post({ ...at(meetingId), json: { participantId, role } }, bearer(token))),
  /** One dot vote cast (or taken back) in my own name; the server judges it (caseVotes.ts). */
  vote: (meetingId: string, token: string, noteId: string, cast: boolean) =>
    answer(meetings[':id'].votes.$post({ ...at(meetingId), json: { noteId, cast } }, bearer(token))),
  erase: (meetingId: string, token: string) => answer(meetings[':id'].$delete(at(meetingId), bearer(token))),
  /** How long the meeting is kept after its last activity (facilitator only). */
  retention: (meetingId: string, token: string) =>
    answer(meetings[':id'].retention.$get(at(meetingId), bearer(token))),
  setRetention: (meetingId: string, token: string, days: number) =>
    answer(meetings[':id'].retention.$put({ ...at(meetingId), json: { days } }, bearer(token))),
  /** New meetings from an export file (the server checks it), with the server's import code; their links. */
  importFile: (file: MeetingExport, importCode: string) =>
    answer(meetings.import.$post({ json: file }, importCode ? bearer(importCode) : {})),
  /** The export file (shared/exportFormat.ts), facilitator only. */
  exportFile: (meetingId: string, token: string) =>
    answer(meetings[':id'].export.$get(at(meetingId), bearer(token))),
  template: async (templateId: string): Promise<{ template: Template }> => {
    const body = await answer(api.api.templates[':id'].$get({ param: { id: param(templateId) } }))
    // The server validated it; the type of a JSON answer only loses what JSON cannot carry.
    return body as { template: Template }
  },
  // Past the HTTP cache: Chromium holds back a GET to a URL while the same URL is in flight, and
  // the clock's samples go out together.
  time: () => answer(api.api.time.$get(undefined, { init: { cache: 'no-store' } })),
}
