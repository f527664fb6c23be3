import { useEditor, useValue } from 'tldraw'
import { useT } from '../../i18n/useT'
import { useMeeting } from '../canvas/meetingContext'
import { useMeetingLayout } from '../layout/layoutContext'

/**
 * The facilitator brings everyone to their view, and lets them go again; anyone else who looked
 * around comes back to the facilitator's view. Nothing for others while no one leads.
 */
export function FollowButtons() {
  const editor = useEditor()
  const meeting = useMeeting()
  const layout = useMeetingLayout()
  const t = useT()
  const state = useValue('follow state', () => {
    const follow = layout?.$follow.get() ?? null
    return {
      follow,
      facilitator: meeting.me()?.role === 'begeleider',
      leading: follow?.$leading.get() ?? false,
      lead: follow?.$lead.get() ?? null,
      following: follow?.isFollowing() ?? false,
    }
  }, [editor, meeting, layout])
  const { follow } = state
  if (!follow) return null
  if (state.facilitator) {
    return (
      <span className="canvas-actions__group">
        <button
          type="button"
          className="canvas-actions__button"
          title={t('follow.leadTitle')}
          onClick={() => follow.lead()}
        >
          {t('follow.lead')}
        </button>
        {state.leading ? (
          <button type="button" className="canvas-actions__button" onClick={() => follow.release()}>
            {t('follow.release')}
          </button>
        ) : null}
      </span>
    )
  }
  if (!state.lead) return null
  if (state.following) {
    return (
      <span className="canvas-actions__status" role="status" title={t('follow.followingTitle')}>
        {t('follow.following')}
      </span>
    )
  }
  return (
    <button
      type="button"
      className="canvas-actions__button"
      title={t('follow.followTitle')}
      onClick={() => follow.follow()}
    >
      {t('follow.follow')}
    </button>
  )
}
