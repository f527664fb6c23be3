import './drafts.css'
import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { DraftProgress } from '../../../../shared/drafts/sealedDrafts'
import { privateZonesAt } from '../../../../shared/permissions'
import { useT } from '../../i18n/useT'
import { meetingApi } from '../meetingApi'
import type { MeetingState } from '../meetingState'
import { useServerAction } from '../panels/useServerAction'
import { draftApi } from './draftApi'

const POLL_MS = 2000

/**
 * The begeleider while the group writes for themselves: per person how many notes and whether
 * they are done (never what they wrote; the API has nothing more to give), and anonymous or
 * named for the next reveal. The reveal itself is the server's, at the phase change.
 */
export function DraftProgressPanel({
  meeting,
  meetingId,
  token,
}: {
  meeting: MeetingState
  meetingId: string
  token: string
}) {
  const t = useT()
  const view = useValue('view', () => meeting.$view.get(), [meeting])
  const writing =
    view && !view.progress.finished && privateZonesAt(meeting.template, view.progress.phaseIndex).size > 0
  const [progress, setProgress] = useState<DraftProgress[]>([])
  const action = useServerAction<'revealMode'>()
  const setAnonymous = (anonymous: boolean) =>
    void action.run('revealMode', async () => {
      await meetingApi.command(meetingId, token, { type: 'revealMode', anonymous })
    })
  useEffect(() => {
    if (!writing) return undefined
    let stopped = false
    const poll = async () => {
      const rows = await draftApi.progress(meetingId, token).catch(() => null)
      if (!stopped && rows) setProgress(rows)
    }
    void poll()
    const timer = setInterval(() => void poll(), POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [writing, meetingId, token])
  if (!view || !writing) return null
  const writers = view.participants.filter((p) => p.role !== 'begeleider' && p.role !== 'observer')
  const rowOf = (id: string) => {
    const rows = progress.filter((r) => r.participantId === id)
    return {
      count: rows.reduce((n, r) => n + r.count, 0),
      ready: rows.length > 0 && rows.every((r) => r.ready),
    }
  }
  const readyCount = writers.filter((p) => rowOf(p.id).ready).length
  return (
    <section className="draft-progress" aria-label={t('drafts.progressTitle')}>
      {
        <>
          <h2 className="draft-progress__title">
            {t('drafts.progressTitle')}{' '}
            <span className="draft-progress__summary">
              {t('drafts.progressSummary', { ready: String(readyCount), total: String(writers.length) })}
            </span>
          </h2>
          <ul className="draft-progress__list">
            {writers.map((p) => {
              const row = rowOf(p.id)
              return (
                <li key={p.id} className="draft-progress__row" data-ready={row.ready}>
                  <span className="draft-progress__dot" style={{ background: p.color }} aria-hidden="true" />
                  <span className="draft-progress__name">{p.name}</span>
                  <span>{t('drafts.progressRow', { count: String(row.count) })}</span>
                  {row.ready ? (
                    <span className="draft-progress__ready">✓ {t('drafts.progressReady')}</span>
                  ) : null}
                </li>
              )
            })}
          </ul>
          <label className="draft-progress__anonymous" title={t('drafts.anonymousHint')}>
            <input
              type="checkbox"
              checked={view.progress.anonymousReveal === true}
              disabled={action.pending !== null}
              onChange={(e) => setAnonymous(e.target.checked)}
            />
            {t('drafts.anonymous')}
          </label>
          {action.error ? (
            <p className="draft-progress__problem" role="alert">
              {action.error}
            </p>
          ) : null}
          <p className="draft-progress__hint">{t('drafts.revealHint')}</p>
        </>
      }
    </section>
  )
}
