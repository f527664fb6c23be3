/**
 * A meeting key wrapped for one group member, so a member who joins through their personal link
 * (`/g/<groupId>#lid=<memberId>.<secret>`) holds the key without any invitation link. The browser
 * that holds the group link (and so every member's personal secret) wraps; the member's browser
 * unwraps. The server stores the wrapped bytes and cannot open them: it keeps only a hash of each
 * member's secret. WebCrypto only, so Node and the browser give the same result.
 *
 * The wrapping key is HKDF-SHA-256 over the member's secret, salted with a fixed label, with the
 * meeting and the member as info; the meeting and member ids are also the AES-GCM additional data,
 * so a wrap cannot be passed off as another meeting's or another member's.
 */
const LABEL = 'intervisiebord/member-meeting-key/v1'
const IV_BYTES = 12
/** A wrapped key as it travels and is stored: iv + ciphertext + tag in base64url. */
export const WRAPPED_KEY_PATTERN = /^[A-Za-z0-9_-]{40,200}$/

const encode = (text: string) => new TextEncoder().encode(text)
const context = (meetingId: string, memberId: string) => encode(`${LABEL}:${meetingId}:${memberId}`)

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

async function wrappingKey(memberSecret: string, meetingId: string, memberId: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encode(memberSecret), 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encode(LABEL), info: context(meetingId, memberId) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** The meeting key (its text, as in a link) wrapped for one member of the meeting's group. */
export async function wrapMeetingKey(
  meetingKey: string,
  memberSecret: string,
  meetingId: string,
  memberId: string,
): Promise<string> {
  const key = await wrappingKey(memberSecret, meetingId, memberId)
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: context(meetingId, memberId) },
    key,
    encode(meetingKey),
  )
  const out = new Uint8Array(IV_BYTES + sealed.byteLength)
  out.set(iv)
  out.set(new Uint8Array(sealed), IV_BYTES)
  return toBase64Url(out)
}

/** The meeting key from a wrap; null when it was wrapped under another secret, meeting or member. */
export async function unwrapMeetingKey(
  wrapped: string,
  memberSecret: string,
  meetingId: string,
  memberId: string,
): Promise<string | null> {
  if (!WRAPPED_KEY_PATTERN.test(wrapped)) return null
  try {
    const bytes = fromBase64Url(wrapped)
    const key = await wrappingKey(memberSecret, meetingId, memberId)
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: context(meetingId, memberId) },
      key,
      bytes.slice(IV_BYTES),
    )
    return new TextDecoder().decode(opened)
  } catch {
    // A renewed personal link: the wrap was made for the old secret.
    return null
  }
}
