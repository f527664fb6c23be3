import '../../styles/layout.css'
import type { CSSProperties } from 'react'
import { useEditor, useValue } from 'tldraw'
import { groupOf, groupTagFor, groupWorkZones } from '../../../../shared/groupWork'
import { boardLayout } from '../../../../shared/layout'
import { accessFor, privateZonesAt, type ZoneState, zoneState } from '../../../../shared/permissions'
import { useLanguage, useT } from '../../i18n/useT'
import { useMeetingLayout } from '../layout/layoutContext'
import { QuotaHint } from '../layout/QuotaHint'
import { myQuota } from '../layout/quotaCount'
import { tidyZone } from '../layout/tidyZone'
import { zonesInView } from '../layout/zonesInView'
import { useMeeting } from './meetingContext'

const STATE_KEYS = {
  open: 'meeting.zone.open',
  watch: 'meeting.zone.watch',
  closed: 'meeting.zone.closed',
} as const satisfies Record<ZoneState, string>

/**
 * On the canvas, in page coordinates: for every zone its title in my language (the frame's own
 * label is hidden), its state for *me* in this phase (open, watch-only, closed), whether notes are
 * private for now, its hint, and what my quota there leaves. Zones the phase does not bring into
 * view step back (dimmed). The begeleider can tidy a zone from its header. Follows phase, role
 * and language changes live.
 */
export function ZoneOverlay() {
  const editor = useEditor()
  const meeting = useMeeting()
  const layout = useMeetingLayout()
  const t = useT()
  const language = useLanguage()
  const zones = useValue('zone states', () => {
    const me = meeting.me()
    const view = meeting.$view.get()
    const phaseId = meeting.phaseId()
    const phaseIndex = view?.progress.phaseIndex ?? -1
    const privateNow = view ? privateZonesAt(meeting.template, phaseIndex) : new Set<string>()
    const focused =
      layout?.$wholeBoard.get() || view?.progress.finished
        ? []
        : zonesInView(meeting.template, phaseIndex, me?.role ?? null)
    const rects = boardLayout(meeting.template)
    // Working in pairs: the zones the pairs write in name whom I work with there.
    const phase = meeting.template.phases[phaseIndex]
    const myGroup = groupTagFor(view?.progress.groups, phaseId, meeting.participantId)
      ? groupOf(view!.progress, meeting.participantId)
      : null
    const pairZones = myGroup && phase ? groupWorkZones(phase) : []
    const partners = (myGroup?.members ?? [])
      .filter((id) => id !== meeting.participantId)
      .map((id) => view?.participants.find((p) => p.id === id)?.name ?? '?')
    return meeting.template.zones.map((zone, i) => ({
      zone,
      rect: rects[i]!,
      state: me ? zoneState(accessFor(meeting.template, phaseId, zone.id, me.role)) : ('closed' as ZoneState),
      private: privateNow.has(zone.id),
      aside: focused.length > 0 && !focused.includes(zone.id),
      quota: myQuota(editor, meeting, zone.id),
      tidy: me?.role === 'begeleider' && !view?.progress.finished,
      onBreak: Boolean(view?.progress.onBreak),
      partners: pairZones.includes(zone.id) && partners.length > 0 ? partners.join(', ') : null,
    }))
  }, [editor, meeting, layout])
  return (
    <>
      {zones.map(({ zone, rect, state, private: isPrivate, aside, quota, tidy, onBreak, partners }) => (
        <div
          key={zone.id}
          className={`zone-overlay zone-overlay--${state}${aside ? ' zone-overlay--aside' : ''}`}
          style={
            {
              transform: `translate(${rect.x}px, ${rect.y}px)`,
              width: rect.w,
              height: rect.h,
              '--hint-lines': rect.hintLines,
            } as CSSProperties
          }
          data-zone={zone.id}
          data-state={state}
          data-aside={aside || undefined}
        >
          <span className="zone-overlay__title">{zone.title[language]}</span>
          <span className="zone-overlay__lead">
            {quota ? <QuotaHint zoneId={zone.id} quota={quota} className="zone-overlay__quota" /> : null}
            {tidy ? (
              <button
                type="button"
                className="zone-overlay__tidy"
                title={t('layout.tidy.title', { zone: zone.title[language] })}
                onPointerDown={(event) => event.stopPropagation()}
                onClick={() => tidyZone(editor, meeting, zone.id)}
              >
                {t('layout.tidy')}
              </button>
            ) : null}
          </span>
          <span className="zone-overlay__badge">
            {/* During a break every zone is closed, for the break's sake, not the phase's. */}
            {onBreak ? t('meeting.zone.break') : t(STATE_KEYS[state])}
            {isPrivate ? ` · ${t('meeting.zone.private')}` : ''}
            {partners ? ` · ${t('pairs.with', { names: partners })}` : ''}
          </span>
          <p className="zone-overlay__hint">{zone.hint[language]}</p>
        </div>
      ))}
    </>
  )
}
