import { atom } from 'tldraw'
import { getLanguage, LANGUAGES, type Language, setLanguage, subscribeLanguage } from './language'

/** The chosen language as a tldraw signal, for the editor's user preferences (one for the app). */
export const $language = atom<Language>('language', getLanguage())
subscribeLanguage(() => $language.set(getLanguage()))

/** Choosing Dutch or English in tldraw's own menu switches our interface too. */
export function adoptEditorLocale(locale: string | null | undefined): void {
  if (locale && (LANGUAGES as readonly string[]).includes(locale)) setLanguage(locale as Language)
}
