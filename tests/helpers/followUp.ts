import type { ResettingClient } from './meetingClient'
import { noteRecord } from './records'
import { eventually } from './yjsClient'

/**
 * The moment after which "nobody received it" can be checked: the sender of a refused update
 * (already started over) makes an allowed edit in the free area, and this waits until `other`
 * has it. The refused update was handled before this one was even sent, and the server sends to
 * a socket in order, so whatever the refused update could have leaked would have arrived first.
 */
export async function honestFollowUp(
  sender: ResettingClient & { id: string },
  other: ResettingClient,
  id: string,
): Promise<void> {
  await eventually(() => sender.current.provider.synced, 10_000, 'sender resynced')
  sender.current.kv.set(id, noteRecord({ id, x: -3500, y: -3500, authorId: sender.id, text: 'eerlijk' }))
  await eventually(() => other.current.kv.get(id) !== undefined, 10_000, 'honest edit arrives')
}
