import './turns.css'
import type { TurnRound } from '../../../../shared/turns'
import { turnList } from '../../../../shared/turns'
import type { ParticipantView } from '../../../../shared/wire'
import { useT } from '../../i18n/useT'

interface TurnsStripProps {
  turns: TurnRound
  participants: readonly ParticipantView[]
}

/**
 * The round "om de beurt" as everyone sees it: the order, whose turn it is, who has been heard and
 * who passed. The change of turn is announced politely to screen readers.
 */
export function TurnsStrip({ turns, participants }: TurnsStripProps) {
  const t = useT()
  const nameOf = (id: string) => participants.find((p) => p.id === id)?.name ?? t('turns.unknown')
  const current = turns.order[turns.at]
  const heard = turns.heard.length
  return (
    <section className="turns-strip" aria-label={t('turns.title')}>
      <p className="turns-strip__now" aria-live="polite">
        <strong>{t('turns.title')}:</strong>{' '}
        {current === undefined ? t('turns.done') : t('turns.current', { name: nameOf(current) })}
        <span className="turns-strip__count">
          {' · '}
          {t('turns.progress', { heard: String(heard), total: String(turns.order.length) })}
        </span>
      </p>
      <ol className="turns-strip__order">
        {turnList(turns).map(({ participantId, state }) => (
          <li
            key={participantId}
            className={`turns-strip__person turns-strip__person--${state}`}
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="turns-strip__name">{nameOf(participantId)}</span>
            <span className="turns-strip__state">
              {state === 'current'
                ? t('turns.onTurn')
                : state === 'heard'
                  ? `✓ ${t('turns.heard')}`
                  : state === 'skipped'
                    ? t('turns.skipped')
                    : t('turns.waiting')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}
