import './drafts.css'
import { type Editor, useValue } from 'tldraw'
import { draftZonesFor } from '../../../../shared/drafts/preparation'
import { useLanguage, useT } from '../../i18n/useT'
import type { MeetingState } from '../meetingState'
import { isDraft } from './drafts'
import { OtherDeviceLink } from './OtherDeviceLink'
import type { SealedDrafts } from './useSealedDrafts'

/**
 * For whoever writes for themself now: that nobody sees it until the reveal, that it is stored
 * (sealed), "Ik ben klaar", and the link to carry on on another device.
 */
export function PrivateWritingBar({
  meeting,
  drafts,
  meetingId,
  token,
  editor,
}: {
  editor: Editor | null
  meeting: MeetingState
  drafts: SealedDrafts | null
  meetingId: string
  token: string
}) {
  const t = useT()
  const language = useLanguage()
  const zones = useValue('my private zones', () => {
    const view = meeting.$view.get()
    const me = meeting.me()
    // Before the start the preparation card speaks instead (PrepareCase.tsx).
    if (!view || !me || view.progress.phaseIndex < 0) return []
    return draftZonesFor(meeting.template, view.progress, me.role)
  }, [meeting])
  const count = useValue('my drafts', () => editor?.getCurrentPageShapes().filter(isDraft).length ?? 0, [
    editor,
  ])
  const saveState = useValue('save state', () => drafts?.sync?.$saveState.get() ?? 'idle', [drafts])
  const ready = useValue('ready', () => (drafts?.sync?.$ready.get().size ?? 0) > 0, [drafts])
  if (zones.length === 0 || !drafts) return null
  const zoneNames = zones
    .map((id) => meeting.template.zones.find((z) => z.id === id)?.title[language] ?? id)
    .join(', ')
  return (
    <section className="private-writing" aria-label={t('drafts.title')}>
      <p className="private-writing__text">{t('drafts.private', { zone: zoneNames })}</p>
      {drafts.sync ? (
        <>
          <p className="private-writing__state" aria-live="polite">
            {saveState === 'failed'
              ? t('drafts.failed')
              : saveState === 'saving'
                ? t('drafts.saving')
                : t('drafts.saved', { count: String(count) })}
          </p>
          <button
            type="button"
            className={`button ${ready ? '' : 'button--primary'}`}
            aria-pressed={ready}
            onClick={() => drafts.sync?.setReady(!ready)}
          >
            {ready ? t('drafts.notReady') : t('drafts.ready')}
          </button>
          {ready ? <p className="private-writing__state">{t('drafts.readyNote')}</p> : null}
          <OtherDeviceLink meetingId={meetingId} token={token} />
        </>
      ) : (
        <p className="private-writing__state">{t('drafts.noKey')}</p>
      )}
    </section>
  )
}
