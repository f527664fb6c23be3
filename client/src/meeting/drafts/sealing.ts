import { sealContext } from '../../../../shared/drafts/sealedDrafts'

/**
 * Sealing drafts with the meeting key (AES-GCM, 256 bits, WebCrypto). The key is made in the
 * creator's browser and travels only in the links' #fragment, which browsers never send; the
 * server stores what this seals and cannot open it, also once it is on the board. A seal holds a
 * note's text only, and binds the meeting and the note id (additional data), so a sealed text
 * cannot be passed off as another note's.
 */
const IV_BYTES = 12
/** A key in a link: 32 random bytes in base64url (43 characters). */
export const MEETING_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function newMeetingKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

export async function importMeetingKey(encoded: string): Promise<CryptoKey> {
  if (!MEETING_KEY_PATTERN.test(encoded)) throw new Error('not a meeting key')
  return crypto.subtle.importKey('raw', fromBase64Url(encoded), 'AES-GCM', false, ['encrypt', 'decrypt'])
}

/** Seals a note's text (and nothing else: no id, name or place) for one meeting and note id. */
export async function sealText(
  key: CryptoKey,
  meetingId: string,
  sealId: string,
  text: string,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(sealContext(meetingId, sealId)) },
    key,
    new TextEncoder().encode(text),
  )
  const out = new Uint8Array(IV_BYTES + sealed.byteLength)
  out.set(iv)
  out.set(new Uint8Array(sealed), IV_BYTES)
  return toBase64(out)
}

/** Opens a sealed text; throws if it was not sealed with this key for this meeting and note id. */
export async function openText(
  key: CryptoKey,
  meetingId: string,
  sealId: string,
  sealed: string,
): Promise<string> {
  const bytes = fromBase64(sealed)
  const plain = await crypto.subtle.decrypt(
    {
      name: 'AES-GCM',
      iv: bytes.slice(0, IV_BYTES),
      additionalData: new TextEncoder().encode(sealContext(meetingId, sealId)),
    },
    key,
    bytes.slice(IV_BYTES),
  )
  return new TextDecoder().decode(plain)
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  return fromBase64(padded)
}
