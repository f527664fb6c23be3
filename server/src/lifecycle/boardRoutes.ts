import { Hono } from 'hono'
import type { FreeBoards } from './freeBoards'

/** Free boards: the link is the key, so the room id in the path is all the authority needed. */
export function boardRoutes(boards: FreeBoards) {
  return new Hono().delete('/:roomId', async (c) => {
    await boards.erase(c.req.param('roomId'))
    return c.json({ erased: true })
  })
}
