import type { SealedReflection } from '../../../shared/outcome/sealedReflection'
import { answer, api, bearer, param } from '../api/apiClient'

const meetings = api.api.meetings[':id']
const at = (meetingId: string) => ({ param: { id: param(meetingId) } })

/** The sealed reflection report (server/src/drafts/reflectionRoutes.ts); rejects with ApiError. */
export const reflectionApi = {
  mine: async (meetingId: string, token: string): Promise<SealedReflection | null> =>
    (await answer(meetings.reflection.$get(at(meetingId), bearer(token)))).reflection,
  /** Kept alive: a save that started goes through also when the tab closes right after. */
  put: async (meetingId: string, token: string, sealed: string): Promise<SealedReflection> =>
    (
      await answer(
        meetings.reflection.$put(
          { ...at(meetingId), json: { sealed } },
          { ...bearer(token), init: { keepalive: true } },
        ),
      )
    ).reflection,
  /** The report of the meeting this one looks back on. */
  ofLookBack: async (meetingId: string, token: string): Promise<SealedReflection | null> =>
    (await answer(meetings['look-back'].reflection.$get(at(meetingId), bearer(token)))).reflection,
  /** The begeleider of this meeting signs off the report it looks back on. */
  signOffLookBack: async (meetingId: string, token: string): Promise<SealedReflection> =>
    (await answer(meetings['look-back'].reflection['sign-off'].$post(at(meetingId), bearer(token))))
      .reflection,
}
