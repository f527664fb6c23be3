import type {
  DraftProgress,
  DraftUpload,
  ReleasedDraft,
  SealedDraft,
} from '../../../../templates/src/drafts/sealedDrafts'
import { answer, api, bearer, param } from '../../api/apiClient'

const drafts = api.api.meetings[':id'].drafts
const at = (meetingId: string) => ({ param: { id: param(meetingId) } })

/** The sealed drafts API (server/src/drafts/draftRoutes.ts); rejects with ApiError. */
export const draftApi = {
  mine: async (meetingId: string, token: string): Promise<Array<SealedDraft & { zoneId: string }>> =>
    (await answer(drafts.mine.$get(at(meetingId), bearer(token)))).drafts,
  putMine: (meetingId: string, token: string, zoneId: string, upload: DraftUpload) =>
    answer(
      drafts.mine[':zoneId'].$put(
        { param: { id: param(meetingId), zoneId: param(zoneId) }, json: upload },
        bearer(token),
      ),
    ),
  progress: async (meetingId: string, token: string): Promise<DraftProgress[]> =>
    (await answer(drafts.progress.$get(at(meetingId), bearer(token)))).progress,
  released: async (meetingId: string, token: string): Promise<ReleasedDraft[]> =>
    (await answer(drafts.released.$get(at(meetingId), bearer(token)))).released,
  published: (meetingId: string, token: string, shapeIds: string[]) =>
    answer(drafts.published.$post({ ...at(meetingId), json: { shapeIds } }, bearer(token))),
}
