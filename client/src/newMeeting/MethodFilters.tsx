import { useId } from 'react'
import { useT } from '../i18n/useT'
import { DURATION_FILTERS, type DurationFilter } from './methodFacts'

interface MethodFiltersProps {
  query: string
  onQuery: (query: string) => void
  duration: DurationFilter
  onDuration: (duration: DurationFilter) => void
}

/** Search by name or purpose, and a filter by duration. */
export function MethodFilters({ query, onQuery, duration, onDuration }: MethodFiltersProps) {
  const t = useT()
  const searchId = useId()
  const name = useId()
  return (
    <div className="method-filters">
      <div className="method-filters__search">
        <label className="field__label" htmlFor={searchId}>
          {t('newMeeting.search.label')}
        </label>
        <input
          id={searchId}
          className="field__input method-filters__input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('newMeeting.search.placeholder')}
          value={query}
          onChange={(event) => onQuery(event.target.value)}
        />
      </div>
      <fieldset className="segmented">
        <legend className="field__label">{t('newMeeting.duration.legend')}</legend>
        <div className="segmented__options">
          {DURATION_FILTERS.map((option) => (
            <label key={option} className="segmented__option">
              <input
                className="segmented__input"
                type="radio"
                name={name}
                value={option}
                checked={duration === option}
                onChange={() => onDuration(option)}
              />
              <span className="segmented__label">{t(`newMeeting.duration.${option}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  )
}
