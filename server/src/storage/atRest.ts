import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

/**
 * Encryption at rest with a key per meeting (or free board): AES-256-GCM, a fresh 12-byte nonce
 * per value, the room id as associated data (a value cannot be moved to another room). Erasing
 * the key makes every copy of the value unreadable, wherever the database left one (its WAL, a
 * free page, a backup, a replica): crypto-shredding (keyStore.ts).
 */

export const KEY_BYTES = 32
const NONCE_BYTES = 12
const TAG_BYTES = 16

/**
 * Marks encrypted bytes. A Yjs update beginning 0x00 0x00 is the empty update and ends there, so
 * no update Yjs wrote begins with these four bytes: a stored value without them is from before
 * (plaintext) and is read as it is, until the room's next compaction writes it encrypted.
 */
export const BYTES_MAGIC = Buffer.from([0x00, 0x00, 0xe5, 0x01])
/** Marks encrypted text (a control character no name or title is allowed to hold). */
export const TEXT_PREFIX = '\u0001e1:'

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES)
}

function seal(key: Buffer, scope: string, plain: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(Buffer.from(scope))
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([nonce, cipher.getAuthTag(), body])
}

function open(key: Buffer, scope: string, sealed: Uint8Array): Buffer {
  const nonce = sealed.subarray(0, NONCE_BYTES)
  const tag = sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key, nonce)
  decipher.setAAD(Buffer.from(scope))
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()])
}

export function isEncryptedBytes(stored: Uint8Array): boolean {
  return stored.length >= BYTES_MAGIC.length && BYTES_MAGIC.every((b, i) => stored[i] === b)
}

export function encryptBytes(key: Buffer, scope: string, plain: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([BYTES_MAGIC, seal(key, scope, plain)]))
}

/** The stored bytes as written; plaintext from before encryption passes unchanged. */
export function decryptBytes(key: Buffer | null, scope: string, stored: Uint8Array): Uint8Array {
  if (!isEncryptedBytes(stored)) return stored
  if (!key) throw new MissingKeyError(scope)
  return new Uint8Array(open(key, scope, stored.subarray(BYTES_MAGIC.length)))
}

export function isEncryptedText(stored: string): boolean {
  return stored.startsWith(TEXT_PREFIX)
}

export function encryptText(key: Buffer, scope: string, plain: string): string {
  return TEXT_PREFIX + seal(key, scope, Buffer.from(plain, 'utf8')).toString('base64')
}

export function decryptText(key: Buffer | null, scope: string, stored: string): string {
  if (!isEncryptedText(stored)) return stored
  if (!key) throw new MissingKeyError(scope)
  return open(key, scope, Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64')).toString('utf8')
}

/**
 * What a unique index may hold instead of a name: a keyed hash (HMAC-SHA-256 under the meeting's
 * key), equal for equal names within the meeting, unreadable and unguessable without the key.
 */
export function blindIndex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update('name-key\u0000').update(value, 'utf8').digest('base64url')
}

/** Encrypted data whose key is gone (erased) or was never kept. */
export class MissingKeyError extends Error {
  constructor(scope: string) {
    super(`no key for ${scope}: its data was erased, or the key store is not the one it was written with`)
  }
}
