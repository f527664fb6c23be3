import { useCallback } from 'react'
import { useLanguage } from '../../i18n/useT'
import { type RatingT, ratingText } from './ratingMessages'

/** The notes list's translate function for the chosen language; follows a change of language. */
export function useRatingT(): RatingT {
  const language = useLanguage()
  return useCallback<RatingT>((key, values) => ratingText(language, key, values), [language])
}
