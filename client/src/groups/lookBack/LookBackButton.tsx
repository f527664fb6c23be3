import '../../styles/groups.css'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { GROUP_TIME_ZONE } from '../../../../shared/groups/groupTime'
import { FOLLOW_UP_MAX, type LookBack, mayWriteFollowUp } from '../../../../shared/groups/lookBack'
import { SMART_FIELDS } from '../../../../shared/outcome/choices'
import { wordApiError } from '../../api/apiErrors'
import { useLanguage, useT } from '../../i18n/useT'
import type { MeetingUiProps } from '../../meeting/meetingUi'
import { ReflectionPrint } from '../../report/ReflectionPrint'
import { groupApi } from '../groupApi'
import { formatDay } from '../groupDates'
import { ReflectionLookBack, SignOffButton, useLookBackReflection } from './ReflectionLookBack'

interface LookBackButtonProps extends Pick<MeetingUiProps, 'view' | 'me'> {
  lookBack: LookBack | null
  meetingId: string
  token: string
}

/**
 * "Terugblik" in the header of a group's meeting: last time's case, chosen advice and action, and
 * what came of it. Opens by itself while the meeting has not started, so the group begins there.
 */
export function LookBackButton({ lookBack, view, me, meetingId, token }: LookBackButtonProps) {
  const t = useT()
  const notStarted = view.progress.phaseIndex === -1
  const [open, setOpen] = useState(notStarted)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const close = useCallback(() => {
    setOpen(false)
    buttonRef.current?.focus()
  }, [])
  // Last time's reflection report (seed 003), and its page for the sign-off instead of the dialog.
  const reflection = useLookBackReflection(meetingId, token, lookBack !== null)
  const [printing, setPrinting] = useState(false)
  const closePrint = useCallback(() => setPrinting(false), [])
  if (!lookBack) return null
  const read = reflection.read
  const signOff =
    me.role === 'begeleider' ? (
      <SignOffButton
        meetingId={meetingId}
        token={token}
        onSigned={(signed) => void reflection.show(signed)}
      />
    ) : null
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button button--quiet look-back-button"
        title={t('lookBack.openHint')}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('lookBack.open')}
      </button>
      {printing && read.kind === 'open' ? (
        <ReflectionPrint
          reflection={read.reflection}
          answers={read.answers}
          meeting={lookBack}
          signOffButton={signOff}
          onClose={closePrint}
        />
      ) : open ? (
        <LookBackDialog
          lookBack={lookBack}
          me={me}
          meetingId={meetingId}
          token={token}
          onClose={close}
          reflection={
            <ReflectionLookBack
              me={me}
              lookBack={lookBack}
              meetingId={meetingId}
              token={token}
              reflection={reflection}
              signOffButton={signOff}
              onPrint={() => setPrinting(true)}
            />
          }
        />
      ) : null}
    </>
  )
}

function LookBackDialog({
  lookBack,
  me,
  meetingId,
  token,
  onClose,
  reflection,
}: Omit<LookBackButtonProps, 'view' | 'lookBack'> & {
  lookBack: LookBack
  onClose(): void
  reflection: React.ReactNode
}) {
  const t = useT()
  const language = useLanguage()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const followUpId = useId()
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  const names = lookBack.inbrengers.join(', ')
  const { inbrenger, begeleider } = lookBack.suggestion
  const action = lookBack.action
  const none = <p className="look-back__empty">{t('lookBack.none')}</p>
  return (
    <dialog
      ref={dialogRef}
      className="dialog look-back-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <div className="look-back">
        <div>
          <h2 className="dialog__title" id={titleId}>
            {t('lookBack.title')}
          </h2>
          <p className="look-back__when">
            {t('lookBack.when', {
              date: formatDay(lookBack.date, language, GROUP_TIME_ZONE),
              method: lookBack.method[language],
            })}
            {names ? ` · ${t('lookBack.by', { names })}` : ''}
          </p>
        </div>
        {inbrenger ? (
          <p className="look-back__suggestion">
            {begeleider
              ? t('lookBack.suggestion', { inbrenger, begeleider })
              : t('lookBack.suggestionCase', { inbrenger })}
          </p>
        ) : null}
        <div className="look-back__item">
          <h3 className="look-back__label">{t('lookBack.case')}</h3>
          {lookBack.chosenCase ? <p className="look-back__text">{lookBack.chosenCase}</p> : none}
        </div>
        <div className="look-back__item">
          <h3 className="look-back__label">{t('lookBack.advice')}</h3>
          {lookBack.chosenAdvice ? <p className="look-back__text">{lookBack.chosenAdvice}</p> : none}
        </div>
        <div className="look-back__item">
          <h3 className="look-back__label">{t('lookBack.action')}</h3>
          {action ? (
            <ul className="look-back__action">
              {SMART_FIELDS.filter((f) => action[f].trim() !== '').map((f) => (
                <li key={f} className="look-back__text">
                  <strong>{t(`report.smart.${f}`).split(':')[0]}:</strong> {action[f]}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </div>
        {reflection}
        <FollowUp lookBack={lookBack} me={me} meetingId={meetingId} token={token} fieldId={followUpId} />
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('lookBack.close')}
          </button>
        </div>
      </div>
    </dialog>
  )
}

/** What came of it: a field for last time's inbrenger (or a facilitator), the text for everyone else. */
function FollowUp({
  lookBack,
  me,
  meetingId,
  token,
  fieldId,
}: Omit<LookBackButtonProps, 'view' | 'lookBack'> & { lookBack: LookBack; fieldId: string }) {
  const t = useT()
  const [text, setText] = useState(lookBack.followUp ?? '')
  // Until I type, the field follows what is saved (another facilitator, or my other tab, may write it).
  const [dirty, setDirty] = useState(false)
  useEffect(() => {
    if (!dirty) setText(lookBack.followUp ?? '')
  }, [lookBack.followUp, dirty])
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; error: unknown }
  >({
    kind: 'idle',
  })
  const names = lookBack.inbrengers.join(', ')
  // A hint only: the server decides (by member id, never by name).
  const mayWrite = mayWriteFollowUp(lookBack, { memberId: me.memberId ?? null, role: me.role })
  const save = () => {
    setState({ kind: 'saving' })
    groupApi.followUp(meetingId, token, text).then(
      () => {
        setDirty(false)
        setState({ kind: 'saved' })
      },
      (error: unknown) => setState({ kind: 'failed', error }),
    )
  }
  return (
    <div className="look-back__follow-up">
      {mayWrite ? (
        <>
          <label className="look-back__label" htmlFor={fieldId}>
            {t('lookBack.followUp')}
          </label>
          {names ? <p className="field__hint">{t('lookBack.followUpHint', { names })}</p> : null}
          <textarea
            id={fieldId}
            className="field__input"
            maxLength={FOLLOW_UP_MAX}
            value={text}
            onChange={(event) => {
              setText(event.target.value)
              setDirty(true)
              setState({ kind: 'idle' })
            }}
          />
          <div className="group-card__actions">
            <button
              type="button"
              className="button"
              aria-disabled={state.kind === 'saving'}
              onClick={state.kind === 'saving' ? undefined : save}
            >
              {state.kind === 'saving' ? t('lookBack.saving') : t('lookBack.save')}
            </button>
            {state.kind === 'saved' ? (
              <p className="look-back__saved" role="status">
                {t('lookBack.saved')}
              </p>
            ) : null}
          </div>
          {state.kind === 'failed' ? (
            <p className="field__error" role="alert">
              {wordApiError(t, state.error)}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <h3 className="look-back__label">{t('lookBack.followUp')}</h3>
          {lookBack.followUp ? (
            <p className="look-back__text">{lookBack.followUp}</p>
          ) : (
            <p className="look-back__empty">{t('lookBack.followUpEmpty')}</p>
          )}
        </>
      )}
      {lookBack.followUp && lookBack.followUpBy ? (
        <p className="field__hint">{t('lookBack.followUpBy', { name: lookBack.followUpBy })}</p>
      ) : null}
    </div>
  )
}
