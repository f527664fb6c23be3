import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { blockOf, type MeetingCommand } from '../../../../shared/phaseMachine'
import { rolesInTopicWalk } from '../../../../shared/topicRole'
import { currentTopic } from '../../../../shared/topicWalk'
import { useT } from '../../i18n/useT'
import type { MeetingUiProps } from '../meetingUi'
import { gapWords } from '../outcome/outcomeGapsView'
import { PairControls } from '../pairs/PairControls'
import { TakeTimeControl } from '../time/TakeTimeControl'
import { TurnControls } from '../turns/TurnControls'
import { useServerAction } from './useServerAction'

export type FacilitatorControlsProps = Pick<
  MeetingUiProps,
  'template' | 'view' | 'me' | 'language' | 'onCommand' | 'serverNow' | 'outcomeGaps'
>

type CommandType = MeetingCommand['type']

/**
 * The facilitator's row of controls: move between phases, pause, add time, start the next
 * topic of a repeating block, finish (after a confirmation). One command at a time; a refusal is
 * shown inline. Renders nothing before the start (the ground rules overlay starts the meeting)
 * and nothing for anyone but the begeleider (the server checks it as well).
 */
export function FacilitatorControls({
  template,
  view,
  me,
  language,
  onCommand,
  serverNow,
  outcomeGaps,
}: FacilitatorControlsProps) {
  const t = useT()
  const action = useServerAction<CommandType>()
  const [confirming, setConfirming] = useState(false)
  const finishRef = useRef<HTMLButtonElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)
  const gotoId = useId()
  const confirmId = useId()

  // Focus follows the confirmation: into it when it opens, back to "Afronden" when cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
    else if (returnFocus.current) finishRef.current?.focus()
    returnFocus.current = false
  }, [confirming])

  if (me.role !== 'begeleider') return null

  const { progress } = view
  const last = template.phases.length - 1
  const at = progress.phaseIndex
  const busy = action.pending !== null
  const send = (command: MeetingCommand) => action.run(command.type, () => onCommand(command))

  // Before the start the ground rules overlay holds the one start button.
  if (at < 0) return null

  const finished = progress.finished
  const paused = progress.pausedAt !== null
  const block = finished ? undefined : blockOf(template, at)
  const blockStart = block ? template.phases.find((phase) => phase.id === block.from) : undefined
  // After the last topic there is no next round (the server refuses it too).
  const topic = currentTopic(template, progress)
  const lastTopic = topic !== null && topic.index >= topic.count
  const current = template.phases[at]

  const cancelConfirm = () => {
    returnFocus.current = true
    setConfirming(false)
  }
  const escapeCancels = (event: KeyboardEvent) => {
    if (event.key === 'Escape') cancelConfirm()
  }
  const finish = async () => {
    setConfirming(false)
    await send({ type: 'finish' })
  }

  const button = (
    type: CommandType,
    label: string,
    command: MeetingCommand,
    disabled = false,
    hint?: string,
  ) => (
    <button
      type="button"
      className="button facilitator-controls__button"
      disabled={busy || disabled}
      aria-busy={action.pending === type}
      title={hint}
      onClick={() => send(command)}
    >
      {label}
    </button>
  )

  return (
    <fieldset className="facilitator-controls">
      <legend className="visually-hidden">{t('meeting.controls.label')}</legend>
      <div className="facilitator-controls__set">
        {button('previous', `‹ ${t('meeting.controls.previous')}`, { type: 'previous' }, at <= 0)}
        {button('next', `${t('meeting.controls.next')} ›`, { type: 'next' }, finished || at >= last)}
      </div>
      <div className="facilitator-controls__set">
        {paused && !finished
          ? button('resume', t('meeting.controls.resume'), { type: 'resume' })
          : button('pause', t('meeting.controls.pause'), { type: 'pause' }, finished)}
        {button(
          'extend',
          t('meeting.controls.extend'),
          { type: 'extend', minutes: 5 },
          finished,
          t('meeting.controls.extendHint'),
        )}
        {progress.onBreak
          ? button('breakEnd', t('time.break.end'), { type: 'breakEnd' })
          : button(
              'breakStart',
              t('time.break.start'),
              { type: 'breakStart' },
              finished,
              t('time.break.startHint'),
            )}
        <TakeTimeControl
          template={template}
          progress={progress}
          language={language}
          serverNow={serverNow}
          disabled={busy || finished}
          send={send}
        />
        {block && blockStart && !lastTopic
          ? button(
              'nextRound',
              t(`meeting.controls.nextRound.${block.per}`),
              { type: 'nextRound' },
              false,
              t('meeting.controls.nextRoundHint', { phase: blockStart.title[language] }),
            )
          : null}
      </div>
      <div className="facilitator-controls__set">
        <TurnControls
          progress={progress}
          // The topic's owner listens to the advice on their topic (topicRole.ts): no turn.
          participants={rolesInTopicWalk(template, progress, view.participants)}
          disabled={busy || finished}
          send={send}
        />
        <PairControls
          phase={finished ? undefined : current}
          progress={progress}
          participants={view.participants}
          disabled={busy}
          send={send}
        />
      </div>
      <div className="facilitator-controls__set facilitator-controls__goto">
        {/* Named for screen readers; on screen the select itself says where it goes (room for the board). */}
        <label className="visually-hidden" htmlFor={gotoId}>
          {t('meeting.controls.goto')}
        </label>
        <select
          id={gotoId}
          className="facilitator-controls__select"
          value={current?.id ?? ''}
          disabled={busy}
          aria-busy={action.pending === 'goto'}
          onChange={(event) => {
            const phaseId = event.target.value
            if (phaseId && phaseId !== current?.id) send({ type: 'goto', phaseId })
          }}
        >
          {template.phases.map((phase, index) => (
            <option key={phase.id} value={phase.id}>
              {`${t('meeting.controls.goto')}: ${index + 1}. ${phase.title[language]} (${t('meeting.timeline.minutes', { minutes: String(phase.minutes) })})`}
            </option>
          ))}
        </select>
      </div>
      <div className="facilitator-controls__set facilitator-controls__end">
        {finished ? (
          <p className="facilitator-controls__note">{t('meeting.controls.finished')}</p>
        ) : confirming ? (
          <div className="facilitator-controls__confirm">
            <span id={confirmId} className="facilitator-controls__question">
              {t('meeting.controls.finishConfirm')}
              {outcomeGaps && outcomeGaps.length > 0 ? (
                <strong className="facilitator-controls__gaps">
                  {' '}
                  {t('meeting.controls.finishGaps', { gaps: gapWords(language, outcomeGaps) })}
                </strong>
              ) : null}
            </span>
            <button
              ref={confirmRef}
              type="button"
              className="button button--primary"
              aria-describedby={confirmId}
              onClick={finish}
              onKeyDown={escapeCancels}
            >
              {t('meeting.controls.finishYes')}
            </button>
            <button type="button" className="button" onClick={cancelConfirm} onKeyDown={escapeCancels}>
              {t('meeting.controls.finishNo')}
            </button>
          </div>
        ) : (
          <button
            ref={finishRef}
            type="button"
            className="button facilitator-controls__button"
            disabled={busy}
            aria-busy={action.pending === 'finish'}
            onClick={() => setConfirming(true)}
          >
            {t('meeting.controls.finish')}
          </button>
        )}
      </div>
      {action.error ? (
        <p className="facilitator-controls__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </fieldset>
  )
}
