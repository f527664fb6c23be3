import { randomPaletteColor } from './palette'

/**
 * Who is at this browser: a stable random id, the name asked on the first visit, a colour, and
 * the editor preferences tldraw lets people change (snap mode, dark mode, ...). Kept in
 * localStorage; a tiny external store so React and tldraw's signals can both follow it.
 */
export interface Identity {
  id: string
  /** Null until the person has told us their name. */
  name: string | null
  color: string
  /** Other tldraw user preferences, stored as given (validated by tldraw when used). */
  extra: Record<string, unknown>
}

const STORAGE_KEY = 'intervisiebord.identity'
export const MAX_NAME_LENGTH = 40
const listeners = new Set<() => void>()

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

function fresh(): Identity {
  return { id: randomId(), name: null, color: randomPaletteColor(), extra: {} }
}

/** Reads what is stored, repairing anything missing or malformed. */
function readStored(): Identity {
  let parsed: unknown = null
  try {
    parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
  } catch {
    parsed = null
  }
  if (!parsed || typeof parsed !== 'object') return fresh()
  const value = parsed as Partial<Record<keyof Identity, unknown>>
  const base = fresh()
  return {
    id: typeof value.id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value.id) ? value.id : base.id,
    name: typeof value.name === 'string' && value.name.trim() ? cleanName(value.name) : null,
    color:
      typeof value.color === 'string' && /^#[0-9A-Fa-f]{6}$/.test(value.color) ? value.color : base.color,
    extra: value.extra && typeof value.extra === 'object' ? (value.extra as Record<string, unknown>) : {},
  }
}

/** Trims and shortens a name to something that fits a cursor label. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH)
}

let current: Identity = readStored()

function store(identity: Identity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(identity))
  } catch {
    // Storage unavailable: the identity holds for this page only.
  }
}
store(current)

export function getIdentity(): Identity {
  return current
}

/** Changes part of the identity, stores it and tells every subscriber. */
export function updateIdentity(patch: Partial<Omit<Identity, 'id'>>): void {
  current = {
    ...current,
    ...patch,
    name: patch.name === undefined ? current.name : cleanName(patch.name ?? '') || null,
  }
  store(current)
  for (const listener of listeners) listener()
}

export function subscribeIdentity(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

// Another tab changed the name or colour: follow it.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return
  current = readStored()
  for (const listener of listeners) listener()
})
