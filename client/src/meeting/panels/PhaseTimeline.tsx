import type { CSSProperties } from 'react'
import type { Language } from '../../i18n/language'
import { type Translate, useT } from '../../i18n/useT'
import type { TimelineModel, TimelineStep } from './phaseModel'

interface PhaseTimelineProps {
  model: TimelineModel
  language: Language
  /** Share of the current phase's time used (0 to 1), drawn as a fill; null when no clock runs. */
  fraction: number | null
}

/**
 * Every phase in order, as a strip whose parts are as wide as their minutes (with a floor, so
 * one minute stays readable). Only the current step shows its title (meeting.css); every step's
 * full text is in the tooltip and, for screen readers, in a hidden sentence per step.
 */
export function PhaseTimeline({ model, language, fraction }: PhaseTimelineProps) {
  const t = useT()
  const total = String(model.totalMinutes)
  return (
    <div className="phase-timeline">
      <ol className="phase-timeline__steps" aria-label={t('meeting.timeline.label')}>
        {model.steps.map((step) => (
          <Step key={step.id} step={step} language={language} fraction={fraction} t={t} />
        ))}
      </ol>
      <p
        className="phase-timeline__total"
        title={
          model.statedMinutes === null
            ? undefined
            : t('meeting.timeline.statedHint', { stated: String(model.statedMinutes), total })
        }
      >
        <span>{t('meeting.timeline.total', { minutes: (model.totalEstimated ? '~' : '') + total })}</span>
        {model.statedMinutes === null ? null : (
          <span className="phase-timeline__stated">
            {t('meeting.timeline.stated', { minutes: String(model.statedMinutes) })}
          </span>
        )}
      </p>
    </div>
  )
}

interface StepProps {
  step: TimelineStep
  language: Language
  fraction: number | null
  t: Translate
}

function Step({ step, language, fraction, t }: StepProps) {
  const title = step.title[language]
  const minutes = t('meeting.timeline.minutes', { minutes: String(step.minutes) })
  const notes: string[] = []
  if (step.status === 'current') notes.push(t('meeting.timeline.current'))
  if (step.status === 'done') notes.push(t('meeting.timeline.done'))
  if (step.optional) notes.push(t('meeting.timeline.optional'))
  const details: string[] = []
  if (step.estimated) details.push(t('meeting.timeline.estimated', { minutes: String(step.minutes) }))
  if (step.block) details.push(t('meeting.timeline.repeats', { label: step.block.label[language] }))
  const sentence = [`${step.number}. ${title}`, minutes, ...notes].join(', ')
  const tooltip = [sentence, ...details].join('\n')

  const classes = ['phase-step', `phase-step--${step.status}`]
  if (step.optional) classes.push('phase-step--optional')
  if (step.estimated) classes.push('phase-step--estimated')
  if (step.block) classes.push('phase-step--repeat')
  const style = { '--minutes': step.minutes } as CSSProperties

  return (
    <li
      className={classes.join(' ')}
      style={style}
      title={tooltip}
      aria-current={step.status === 'current' ? 'step' : undefined}
    >
      {step.status === 'current' && fraction !== null ? (
        <span className="phase-step__fill" style={{ inlineSize: `${fraction * 100}%` }} aria-hidden="true" />
      ) : null}
      <span className="phase-step__number" aria-hidden="true">
        {step.status === 'done' ? '✓' : step.number}
      </span>
      <span className="phase-step__title" aria-hidden="true">
        {title}
      </span>
      <span className="phase-step__minutes" aria-hidden="true">
        {step.estimated ? '~' : ''}
        {step.minutes}′
      </span>
      <span className="visually-hidden">{[sentence, ...details].join('. ')}</span>
    </li>
  )
}
