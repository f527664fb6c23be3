import { useId, useMemo, useRef, useState } from 'react'
import type { Template } from '../../../shared/templateSchema'
import type { KnownGroup } from '../groups/groupAccess'
import { useLanguage, useT } from '../i18n/useT'
import { CreateMeetingForm } from './CreateMeetingForm'
import type { CreatedMeeting } from './createMeeting'
import { MethodCard } from './MethodCard'
import { MethodDetails } from './MethodDetails'
import { MethodFilters } from './MethodFilters'
import { type DurationFilter, matchesDuration, matchesSearch } from './methodFacts'

interface MethodPickerProps {
  templates: readonly Template[]
  onCreated: (meeting: CreatedMeeting, title: string, template: Template, group: KnownGroup | null) => void
}

/**
 * The library beside the chosen method: search and filter, a radio group of method cards, and
 * the details with the form that creates the meeting.
 */
export function MethodPicker({ templates, onCreated }: MethodPickerProps) {
  const t = useT()
  const language = useLanguage()
  const group = useId()
  const [query, setQuery] = useState('')
  const [duration, setDuration] = useState<DurationFilter>('all')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const detailsHeading = useRef<HTMLHeadingElement>(null)
  const detailsSection = useRef<HTMLElement>(null)

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(language, { sensitivity: 'base' })
    return [...templates].sort((a, b) => collator.compare(a.name[language], b.name[language]))
  }, [templates, language])
  const visible = sorted.filter(
    (template) => matchesDuration(template, duration) && matchesSearch(template, query, language),
  )
  const selected = templates.find((template) => template.id === selectedId) ?? null

  const showDetails = () => {
    detailsSection.current?.scrollIntoView({ block: 'start' })
    detailsHeading.current?.focus({ preventScroll: true })
  }

  return (
    <div className="picker">
      <section className="picker__library" aria-labelledby="picker-library-title">
        <h2 className="visually-hidden" id="picker-library-title">
          {t('newMeeting.list.legend')}
        </h2>
        <MethodFilters query={query} onQuery={setQuery} duration={duration} onDuration={setDuration} />
        <p className="picker__count" role="status">
          {visible.length === templates.length
            ? t('newMeeting.count.all', { count: String(templates.length) })
            : t('newMeeting.count.filtered', {
                shown: String(visible.length),
                total: String(templates.length),
              })}
        </p>
        <div className="picker__results">
          {visible.length === 0 ? (
            <div className="picker__empty">
              <p>{t('newMeeting.noResults')}</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setQuery('')
                  setDuration('all')
                }}
              >
                {t('newMeeting.clearFilters')}
              </button>
            </div>
          ) : (
            <fieldset className="picker__fieldset">
              <legend className="visually-hidden">{t('newMeeting.list.legend')}</legend>
              <ul className="method-grid">
                {visible.map((template) => (
                  <MethodCard
                    key={template.id}
                    template={template}
                    language={language}
                    group={group}
                    selected={template.id === selectedId}
                    onSelect={() => setSelectedId(template.id)}
                    onShowDetails={showDetails}
                  />
                ))}
              </ul>
            </fieldset>
          )}
        </div>
      </section>

      <section
        ref={detailsSection}
        className="method-details"
        aria-labelledby={selected ? 'method-details-title' : 'method-details-none'}
      >
        {selected ? (
          <>
            <div className="method-details__scroll">
              <MethodDetails template={selected} language={language} headingRef={detailsHeading} />
            </div>
            <div className="method-details__footer">
              <CreateMeetingForm
                template={selected}
                language={language}
                title={title}
                onTitle={setTitle}
                onCreated={(meeting, finalTitle, group) => onCreated(meeting, finalTitle, selected, group)}
              />
            </div>
          </>
        ) : (
          <div className="method-details__none">
            <svg
              className="method-details__none-mark"
              viewBox="0 0 200 90"
              aria-hidden="true"
              focusable="false"
            >
              {[0, 1, 2, 3].flatMap((col) =>
                [0, 1].map((row) => (
                  <rect
                    key={`${col}-${row}`}
                    x={4 + col * 49}
                    y={4 + row * 42}
                    width={43}
                    height={36}
                    rx={5}
                    fill="none"
                    stroke="currentColor"
                    strokeDasharray="4 3"
                  />
                )),
              )}
            </svg>
            <h2 className="method-details__none-title" id="method-details-none">
              {t('newMeeting.details.noneTitle')}
            </h2>
            <p>{t('newMeeting.details.none')}</p>
          </div>
        )}
      </section>
    </div>
  )
}
