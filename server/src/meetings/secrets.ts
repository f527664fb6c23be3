import { createHash, randomBytes } from 'node:crypto'

/** A fresh unguessable secret: 256 bits as base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** An id: 128 random bits as base64url (22 characters). */
export function newId(): string {
  return randomBytes(16).toString('base64url')
}

/** Secrets and tokens are stored and looked up only by this hash. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
