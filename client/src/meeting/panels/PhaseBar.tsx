import '../caseChoice/caseChoice.css'
import { useId } from 'react'
import { timerAt } from '../../../../shared/phaseMachine'
import { currentTopic } from '../../../../shared/topicWalk'
import { useT } from '../../i18n/useT'
import type { MeetingUiProps } from '../meetingUi'
import { PairsStrip } from '../pairs/PairsStrip'
import { BreakBanner } from '../time/BreakBanner'
import { MeetingEndTime } from '../time/MeetingEndTime'
import { PhaseEndSignal } from '../time/PhaseEndSignal'
import { TurnsStrip } from '../turns/TurnsStrip'
import { PhaseTimeline } from './PhaseTimeline'
import { PhaseTimer } from './PhaseTimer'
import { continueSentence, instructionFor, meetingStage, stageKey, timelineModel } from './phaseModel'
import { usePhaseAnnouncement } from './usePhaseAnnouncement'
import { useRoleName } from './useRoleName'
import { useServerClock } from './useServerClock'
import { useTopicText } from './useTopicText'

export type PhaseBarProps = Pick<MeetingUiProps, 'template' | 'view' | 'me' | 'language' | 'serverNow'>

/**
 * The bar across the top of the board, the same for everyone: where the group is (phase, step,
 * round), what you do now in your role, the phase's countdown, and every phase in order.
 * A change of phase is announced to screen readers and briefly highlighted on screen.
 */
export function PhaseBar({ template, view, me, language, serverNow }: PhaseBarProps) {
  const t = useT()
  const roleName = useRoleName(template, language)
  const headingId = useId()
  const { progress } = view
  const stage = meetingStage(template, progress)
  const topic = currentTopic(template, progress)
  const topicText = useTopicText(topic?.topic.noteId, topic?.topic.text ?? '')

  const running = stage.kind === 'phase' && progress.pausedAt === null
  const now = useServerClock(serverNow, progress.phaseStartedAt + progress.pausedMs, running)
  const timer = stage.kind === 'phase' ? timerAt(template, progress, now) : null
  const fraction = timer && timer.durationMs > 0 ? Math.min(1, timer.elapsedMs / timer.durationMs) : null

  const instruction =
    stage.kind === 'phase'
      ? (instructionFor(stage.phase, me.role)?.[language] ?? t(`meeting.youDo.${me.role}`))
      : null
  const round =
    stage.kind === 'phase' && stage.repeat
      ? t(`meeting.phase.round.${stage.repeat.block.per}`, { round: String(stage.repeat.round) })
      : null
  const title =
    stage.kind === 'phase'
      ? stage.phase.title[language]
      : t(stage.kind === 'finished' ? 'meeting.phase.finished' : 'meeting.phase.notStarted')

  const message =
    stage.kind === 'finished'
      ? t('meeting.phase.announceFinished')
      : t('meeting.phase.announce', {
          title: round ? t('meeting.phase.titleWithRound', { title, round }) : title,
          instruction: continueSentence(instruction ?? ''),
        })
  const { announcement, highlight } = usePhaseAnnouncement(stageKey(progress), message)

  const classes = ['phase-bar', `phase-bar--${stage.kind}`]
  if (highlight) classes.push('phase-bar--changed')

  return (
    <section className={classes.join(' ')} aria-labelledby={headingId}>
      <div className="phase-bar__row">
        <div className="phase-bar__now">
          <p className="phase-bar__meta">
            {stage.kind === 'phase' ? (
              <>
                <span>{t('meeting.phase.step', { n: String(stage.step), total: String(stage.steps) })}</span>
                {round && stage.repeat ? (
                  <span className="phase-bar__round" title={stage.repeat.block.label[language]}>
                    {round}
                  </span>
                ) : null}
              </>
            ) : (
              <span>{template.name[language]}</span>
            )}
          </p>
          <h2 className="phase-bar__title" id={headingId} title={title}>
            <span className="visually-hidden">{t('meeting.phase.region')}: </span>
            {title}
          </h2>
        </div>
        <p className="phase-bar__instruction">
          {instruction === null ? (
            t(stage.kind === 'finished' ? 'meeting.phase.finishedHint' : 'meeting.phase.notStartedHint')
          ) : (
            <>
              <strong className="phase-bar__you">
                {t('meeting.phase.you', { role: roleName(me.role) })}
              </strong>{' '}
              {instruction}
            </>
          )}
        </p>
        {timer ? <PhaseTimer timer={timer} extraMinutes={progress.extraMinutes} /> : null}
        <MeetingEndTime template={template} progress={progress} language={language} serverNow={serverNow} />
        {timer ? <PhaseEndSignal timer={timer} stage={stageKey(progress)} /> : null}
      </div>
      <PhaseTimeline model={timelineModel(template, progress)} language={language} fraction={fraction} />
      {topic ? (
        <p className="phase-bar__topic" data-topic-index={topic.index}>
          {t('topic.now', { index: String(topic.index), count: String(topic.count), text: topicText })}
          {topic.topic.score !== null ? (
            <span className="phase-bar__topic-score">
              {' '}
              · {t('topic.score', { score: String(topic.topic.score) })}
            </span>
          ) : null}
        </p>
      ) : null}
      {progress.onBreak ? <BreakBanner /> : null}
      {progress.turns ? <TurnsStrip turns={progress.turns} participants={view.participants} /> : null}
      {progress.groups &&
      !progress.groups.ended &&
      stage.kind === 'phase' &&
      progress.groups.phaseId === stage.phase.id ? (
        <PairsStrip split={progress.groups} participants={view.participants} myId={me.id} />
      ) : null}
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
    </section>
  )
}
