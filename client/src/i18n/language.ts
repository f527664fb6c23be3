/**
 * The interface language: Dutch unless the person chose English. Kept in localStorage and shared
 * by every component through a tiny external store (no React here, so the board can bridge it
 * into tldraw's signals).
 */
export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'intervisiebord.language'
const listeners = new Set<() => void>()

function readStored(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return stored === 'en' ? 'en' : 'nl'
  } catch {
    return 'nl'
  }
}

let current: Language = readStored()

function apply(language: Language): void {
  current = language
  document.documentElement.lang = language
  for (const listener of listeners) listener()
}

/** The chosen language. */
export function getLanguage(): Language {
  return current
}

/** Chooses a language, remembers it, and tells every subscriber. */
export function setLanguage(language: Language): void {
  if (language === current) return
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode or storage full: the choice still holds for this page.
  }
  apply(language)
}

/** Calls `listener` after every change; returns the unsubscribe. */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

// Another tab changed the language: follow it.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) apply(readStored())
})
document.documentElement.lang = current
