import { useEffect, useState } from 'react'
import { GROUP_TIME_ZONE } from '../../../../shared/groups/groupTime'
import type { LookBack } from '../../../../shared/groups/lookBack'
import {
  REFLECTION_POINTS,
  REFLECTION_QUESTIONS,
  type ReflectionAnswers,
} from '../../../../shared/outcome/reflectionPoints'
import type { SealedReflection } from '../../../../shared/outcome/sealedReflection'
import { wordApiError } from '../../api/apiErrors'
import { useLanguage, useT } from '../../i18n/useT'
import { loadMeetingKey } from '../../meeting/drafts/meetingKey'
import type { MeetingUiProps } from '../../meeting/meetingUi'
import { reflectionApi } from '../../report/reflectionApi'
import { openAnswers } from '../../report/reflectionSeal'
import { formatDay } from '../groupDates'

export type ReadReflection =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'sealed'; reflection: SealedReflection; why: 'noKey' | 'unreadable' }
  | { kind: 'open'; reflection: SealedReflection; answers: ReflectionAnswers }

/**
 * Last time's reflection report, as the look-back of the group's next meeting shows it: fetched
 * sealed from the server and opened here with the previous meeting's key, which the browsers of
 * those who were there keep. Nobody without that key reads it; the server never could.
 */
export function useLookBackReflection(meetingId: string, token: string, enabled: boolean) {
  const [read, setRead] = useState<ReadReflection>({ kind: 'loading' })
  const show = async (reflection: SealedReflection | null) => {
    if (!reflection) return setRead({ kind: 'none' })
    const key = loadMeetingKey(reflection.meetingId)
    if (!key) return setRead({ kind: 'sealed', reflection, why: 'noKey' })
    try {
      setRead({
        kind: 'open',
        reflection,
        answers: await openAnswers(key, reflection.meetingId, reflection.sealed),
      })
    } catch {
      setRead({ kind: 'sealed', reflection, why: 'unreadable' })
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: show only sets state
  useEffect(() => {
    if (!enabled) return
    reflectionApi
      .ofLookBack(meetingId, token)
      .then(show, (error: unknown) => setRead({ kind: 'failed', error }))
  }, [meetingId, token, enabled])
  return { read, show }
}

interface ReflectionLookBackProps extends Pick<MeetingUiProps, 'me'> {
  lookBack: LookBack
  meetingId: string
  token: string
  reflection: ReturnType<typeof useLookBackReflection>
  /** The begeleider's sign-off button (null for everyone else). */
  signOffButton: React.ReactNode
  onPrint(): void
}

/** The report in the look-back dialog: the six points, its sign-off, and the way to print it. */
export function ReflectionLookBack({ me, reflection, signOffButton, onPrint }: ReflectionLookBackProps) {
  const t = useT()
  const language = useLanguage()
  const { read } = reflection
  if (read.kind === 'loading') return null
  if (read.kind === 'failed')
    return (
      <p className="field__error" role="alert">
        {wordApiError(t, read.error)}
      </p>
    )
  if (read.kind === 'none')
    return (
      <div className="look-back__item">
        <h3 className="look-back__label">{t('report.reflection.heading')}</h3>
        <p className="look-back__empty">{t('reflection.lookBack.none')}</p>
      </div>
    )
  const { signOff, authorName } = read.reflection
  return (
    <div className="look-back__item look-back__reflection">
      <h3 className="look-back__label">{t('reflection.lookBack.heading', { name: authorName })}</h3>
      {read.kind === 'sealed' ? (
        <p className="look-back__empty">
          {t(read.why === 'noKey' ? 'reflection.lookBack.noKey' : 'reflection.lookBack.unreadable')}
        </p>
      ) : (
        <dl className="look-back__reflection-points">
          {REFLECTION_POINTS.map((point) => (
            <div key={point}>
              <dt className="look-back__label">{REFLECTION_QUESTIONS[point][language]}</dt>
              <dd className="look-back__text">
                {read.answers[point]?.trim() || t('reflection.lookBack.empty')}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {signOff ? (
        <p className="field__hint">
          {t('reflection.signedOff', {
            name: signOff.name,
            date: formatDay(signOff.at, language, GROUP_TIME_ZONE),
          })}
        </p>
      ) : me.role === 'begeleider' ? (
        <p className="field__hint">{t('reflection.signOffHint')}</p>
      ) : null}
      <div className="group-card__actions">
        {read.kind === 'open' ? (
          <button type="button" className="button" onClick={onPrint}>
            {t('reflection.print')}
          </button>
        ) : null}
        {signOff ? null : signOffButton}
      </div>
    </div>
  )
}

/** The begeleider's sign-off: the server records who from this session. */
export function SignOffButton({
  meetingId,
  token,
  onSigned,
}: {
  meetingId: string
  token: string
  onSigned(reflection: SealedReflection): void
}) {
  const t = useT()
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'failed'; error: unknown }>({
    kind: 'idle',
  })
  return (
    <>
      <button
        type="button"
        className="button"
        aria-disabled={state.kind === 'busy'}
        onClick={
          state.kind === 'busy'
            ? undefined
            : () => {
                setState({ kind: 'busy' })
                reflectionApi.signOffLookBack(meetingId, token).then(
                  (signed) => {
                    setState({ kind: 'idle' })
                    onSigned(signed)
                  },
                  (error: unknown) => setState({ kind: 'failed', error }),
                )
              }
        }
      >
        {state.kind === 'busy' ? t('reflection.signingOff') : t('reflection.signOff')}
      </button>
      {state.kind === 'failed' ? (
        <span className="field__error" role="alert">
          {wordApiError(t, state.error)}
        </span>
      ) : null}
    </>
  )
}
