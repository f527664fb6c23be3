import { answer, api, param } from '../api/apiClient'

/** Free boards (server/src/lifecycle/boardRoutes.ts): the link is the key. */
export const boardApi = {
  /** Erases the board for everyone, for good. */
  erase: (roomId: string) => answer(api.api.boards[':roomId'].$delete({ param: { roomId: param(roomId) } })),
}
