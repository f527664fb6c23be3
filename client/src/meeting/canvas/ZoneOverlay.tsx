import { useValue } from 'tldraw'
import { zoneRect } from '../../../../templates/src/layout'
import { accessFor, privateZonesAt, type ZoneState, zoneState } from '../../../../templates/src/permissions'
import { useLanguage, useT } from '../../i18n/useT'
import { useMeeting } from './meetingContext'

const STATE_KEYS = {
  open: 'meeting.zone.open',
  watch: 'meeting.zone.watch',
  closed: 'meeting.zone.closed',
} as const satisfies Record<ZoneState, string>

/**
 * On the canvas, in page coordinates: for every zone its title in my language (the frame's own
 * label is hidden), its state for *me* in this phase (open, watch-only, closed), whether notes are
 * private for now, and its hint. Follows phase, role and language changes live.
 */
export function ZoneOverlay() {
  const meeting = useMeeting()
  const t = useT()
  const language = useLanguage()
  const zones = useValue('zone states', () => {
    const me = meeting.me()
    const view = meeting.$view.get()
    const phaseId = meeting.phaseId()
    const privateNow = view ? privateZonesAt(meeting.template, view.progress.phaseIndex) : new Set<string>()
    return meeting.template.zones.map((zone) => ({
      zone,
      rect: zoneRect(meeting.template, zone.id),
      state: me ? zoneState(accessFor(meeting.template, phaseId, zone.id, me.role)) : ('closed' as ZoneState),
      private: privateNow.has(zone.id),
    }))
  }, [meeting])
  return (
    <>
      {zones.map(({ zone, rect, state, private: isPrivate }) => (
        <div
          key={zone.id}
          className={`zone-overlay zone-overlay--${state}`}
          style={{ transform: `translate(${rect.x}px, ${rect.y}px)`, width: rect.w, height: rect.h }}
          data-zone={zone.id}
          data-state={state}
        >
          <span className="zone-overlay__title">{zone.title[language]}</span>
          <span className="zone-overlay__badge">
            {t(STATE_KEYS[state])}
            {isPrivate ? ` · ${t('meeting.zone.private')}` : ''}
          </span>
          <p className="zone-overlay__hint">{zone.hint[language]}</p>
        </div>
      ))}
    </>
  )
}
