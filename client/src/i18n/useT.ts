import { useCallback, useSyncExternalStore } from 'react'
import { getLanguage, type Language, subscribeLanguage } from './language'
import { type MessageKey, messages } from './messages'

export type Translate = (key: MessageKey, values?: Record<string, string>) => string

/** Fills `{placeholders}` in a message. */
export function translate(language: Language, key: MessageKey, values?: Record<string, string>): string {
  const text = messages[language][key]
  if (!values) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

/** The chosen language; re-renders the component when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage)
}

/** The translate function for the chosen language: `t('board.copyLink')`. */
export function useT(): Translate {
  const language = useLanguage()
  return useCallback<Translate>((key, values) => translate(language, key, values), [language])
}
