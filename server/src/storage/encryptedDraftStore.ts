import type { SealedDraft } from '../../../shared/drafts/sealedDrafts'
import type { ReflectionSignOff } from '../../../shared/outcome/sealedReflection'
import { meetingRoomId } from '../../../shared/wire'
import { decryptText, encryptText } from './atRest'
import type { DraftStore, RevealedRow, StoredReflection } from './draftStore'
import type { CachedKeys } from './keyStore'

/**
 * A DraftStore whose reflection sign-off keeps the signer's name encrypted with the meeting's key
 * (atRest.ts), like the meeting store's names. The drafts and the report are sealed in the browser
 * already and pass through. A sign-off from before is read as it is.
 */
export class EncryptedDraftStore implements DraftStore {
  constructor(
    private readonly inner: DraftStore,
    private readonly keys: CachedKeys,
  ) {}

  async reflection(meetingId: string): Promise<StoredReflection | null> {
    const stored = await this.inner.reflection(meetingId)
    if (!stored?.signOff) return stored
    const key = await this.keys.key(meetingRoomId(meetingId), false)
    const name = decryptText(key, meetingRoomId(meetingId), stored.signOff.name)
    return { ...stored, signOff: { ...stored.signOff, name } }
  }

  async signReflection(meetingId: string, signOff: ReflectionSignOff): Promise<void> {
    const key = (await this.keys.key(meetingRoomId(meetingId), true))!
    const name = encryptText(key, meetingRoomId(meetingId), signOff.name)
    await this.inner.signReflection(meetingId, { ...signOff, name })
  }

  putDrafts(
    meetingId: string,
    participantId: string,
    zoneId: string,
    drafts: readonly SealedDraft[],
    ready: boolean,
  ) {
    return this.inner.putDrafts(meetingId, participantId, zoneId, drafts, ready)
  }
  ownDrafts(meetingId: string, participantId: string) {
    return this.inner.ownDrafts(meetingId, participantId)
  }
  progress(meetingId: string) {
    return this.inner.progress(meetingId)
  }
  draftsIn(meetingId: string, zoneIds: readonly string[]) {
    return this.inner.draftsIn(meetingId, zoneIds)
  }
  reveal(meetingId: string, zoneIds: readonly string[], notes: readonly RevealedRow[]) {
    return this.inner.reveal(meetingId, zoneIds, notes)
  }
  revealed(meetingId: string) {
    return this.inner.revealed(meetingId)
  }
  putReflection(meetingId: string, authorId: string, sealed: string, at: number) {
    return this.inner.putReflection(meetingId, authorId, sealed, at)
  }
}
