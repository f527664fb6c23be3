import { type ReactNode, useId } from 'react'
import { useT } from '../../i18n/useT'
import type { MeetingUiProps } from '../meetingUi'
import { GroundRulesContent } from './GroundRulesContent'
import { useServerAction } from './useServerAction'

export type GroundRulesOverlayProps = Pick<
  MeetingUiProps,
  'template' | 'view' | 'me' | 'language' | 'onCommand'
> & { preparation?: ReactNode }

/**
 * Before the start: a card over the board with the meeting, its method, the ground rules and the
 * phases. The facilitator starts the meeting from here; everyone else waits for that. Place it
 * inside the canvas area (a positioned element): it covers that area, not the page.
 */
export function GroundRulesOverlay({
  template,
  view,
  me,
  language,
  onCommand,
  preparation,
}: GroundRulesOverlayProps) {
  const t = useT()
  const titleId = useId()
  const action = useServerAction<'start'>()
  const isFacilitator = me.role === 'begeleider'
  const title = view.title.trim() || template.name[language]

  return (
    <div className="rules-overlay">
      <section className="rules-card" aria-labelledby={titleId}>
        <header className="rules-card__header">
          <h2 className="rules-card__title" id={titleId}>
            {title}
          </h2>
          <p className="rules-card__method">{t('meeting.rules.method', { name: template.name[language] })}</p>
          <p className="rules-card__purpose">{template.purpose[language]}</p>
        </header>
        <section
          className="rules-card__body"
          aria-label={t('meeting.rules.bodyLabel')}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus, so a keyboard can scroll rules longer than the card
          tabIndex={0}
        >
          <p className="rules-card__intro">{t('meeting.rules.intro')}</p>
          <GroundRulesContent template={template} language={language} />
        </section>
        {isFacilitator ? null : preparation}
        <footer className="rules-card__footer">
          <p className="rules-card__present">
            <span className="rules-card__present-label">{t('meeting.rules.present')}</span>
            {view.participants.map((person) => (
              <span key={person.id} className="rules-card__person">
                <span className="person__dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
                {person.name}
              </span>
            ))}
          </p>
          {isFacilitator ? (
            <div className="rules-card__action">
              <p className="rules-card__hint">{t('meeting.rules.startHint')}</p>
              <button
                type="button"
                className="button button--primary button--large"
                disabled={action.pending !== null}
                aria-busy={action.pending !== null}
                onClick={() => action.run('start', () => onCommand({ type: 'start' }))}
              >
                {t('meeting.controls.start')}
              </button>
            </div>
          ) : (
            <p className="rules-card__wait" role="status">
              <span className="rules-card__wait-dot" aria-hidden="true" />
              {t('meeting.rules.wait')}
            </p>
          )}
          {action.error ? (
            <p className="rules-card__error" role="alert">
              {action.error}
            </p>
          ) : null}
        </footer>
      </section>
    </div>
  )
}
