import type { DraftProgress, DraftUpload, SealedDraft } from '../../../../shared/drafts/sealedDrafts'
import { answer, api, bearer, param } from '../../api/apiClient'

const drafts = api.api.meetings[':id'].drafts
const at = (meetingId: string) => ({ param: { id: param(meetingId) } })

/** The sealed drafts API (server/src/drafts/draftRoutes.ts); rejects with ApiError. */
export const draftApi = {
  mine: async (meetingId: string, token: string): Promise<Array<SealedDraft & { zoneId: string }>> =>
    (await answer(drafts.mine.$get(at(meetingId), bearer(token)))).drafts,
  /** Kept alive: a save that started goes through also when the tab closes right after. */
  putMine: (meetingId: string, token: string, zoneId: string, upload: DraftUpload) =>
    answer(
      drafts.mine[':zoneId'].$put(
        { param: { id: param(meetingId), zoneId: param(zoneId) }, json: upload },
        { ...bearer(token), init: { keepalive: true } },
      ),
    ),
  progress: async (meetingId: string, token: string): Promise<DraftProgress[]> =>
    (await answer(drafts.progress.$get(at(meetingId), bearer(token)))).progress,
  /** The begeleider removes a revealed note, visibly for everyone (its text goes, the note stays). */
  removeRevealed: (meetingId: string, token: string, noteId: string) =>
    answer(
      drafts.revealed[':noteId'].remove.$post(
        { param: { id: param(meetingId), noteId: param(noteId) } },
        bearer(token),
      ),
    ),
  /**
   * The author's new text of her anonymously revealed note, sealed here: the server writes it
   * into the room, so no Yjs item on the note carries this browser's client id.
   */
  resealAnonymous: (meetingId: string, token: string, noteId: string, sealed: string) =>
    answer(
      drafts.revealed[':noteId'].seal.$put(
        { param: { id: param(meetingId), noteId: param(noteId) }, json: { sealed } },
        bearer(token),
      ),
    ),
}
