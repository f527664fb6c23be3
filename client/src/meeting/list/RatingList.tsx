import '../../styles/ratingList.css'
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { RATING_VALUES } from '../../../../shared/marks'
import { isAdviceZone } from '../../../../shared/outcome/outcomeZones'
import { accessFor, findZone } from '../../../../shared/permissions'
import { useLanguage, useT } from '../../i18n/useT'
import type { CaseActions } from '../caseChoice/caseActions'
import { caseListView } from '../caseChoice/caseListView'
import { markNote } from '../columns/markNote'
import { useSidePanel } from '../layout/sidePanels'
import type { MeetingState } from '../meetingState'
import { gapWords, useOutcomeGaps } from '../outcome/outcomeGapsView'
import { notesPerPair } from '../pairs/pairLabels'
import { pairWords } from '../pairs/pairWords'
import { focusAfterMarking, groupByMark, type ListNote, listOrder, tallyOf } from './groupNotes'
import { markForKey } from './markKeys'
import { NoteGroupSection } from './NoteGroupSection'
import { markText, type RatingT } from './ratingMessages'
import { useRatingT } from './useRatingT'
import { readZoneNotes } from './zoneNotes'
import { zonesInPlay } from './zonesInPlay'

interface RatingListProps {
  editor: Editor | null
  meeting: MeetingState
  /** Votes and the facilitator's commands for choosing the case (null: not offered). */
  actions?: CaseActions | null
}

/**
 * The list beside the canvas: the notes of the zone in play as text, with author and mark,
 * grouped by mark (not rated yet, W, N, K) with counts, the same grouping the columns on the
 * board show. Usable by keyboard and screen reader: headings per group, focusable items, the
 * arrow keys between items, changes in the counts read out. It is where the inbrenger marks.
 */
export function RatingList({ editor, meeting, actions = null }: RatingListProps) {
  const tAll = useT()
  const t = useRatingT()
  const language = useLanguage()
  const headingId = useId()
  const bodyId = useId()
  const listRef = useRef<HTMLDivElement>(null)
  const viewer = useValue(
    'panel viewer',
    () => ({
      facilitator: meeting.me()?.role === 'begeleider',
      started: (meeting.$view.get()?.progress.phaseIndex ?? -1) >= 0,
    }),
    [meeting],
  )
  const [collapsed, toggleCollapsed] = useSidePanel('notes', viewer)
  const [chosen, setChosen] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const focusNext = useRef<string | null>(null)
  const outcomeGaps = useOutcomeGaps(editor, meeting)

  const state = useValue('notes list', () => {
    const view = meeting.$view.get()
    const me = meeting.me()
    const zones = view ? zonesInPlay(meeting.template, view.progress.phaseIndex, me?.role ?? null) : []
    const zoneId = chosen !== null && zones.includes(chosen) ? chosen : (zones[0] ?? null)
    const zone = zoneId ? findZone(meeting.template, zoneId) : undefined
    if (!editor || !zone || !view) return null
    const scale = zone.rating ? RATING_VALUES[zone.rating] : null
    const rates =
      me !== null && accessFor(meeting.template, meeting.phaseId(), zone.id, me.role).can.has('rate')
    const names = new Map(view.participants.map((p) => [p.id, p.name]))
    const notes = readZoneNotes(editor, meeting, zone.id)
    const byMark = groupByMark(notes, scale, zone.rating === 'score10')
    // Work in pairs: an unrated zone lists its notes per pair ("Paar 1: Anna & Bram").
    const pairs = scale ? null : notesPerPair(notes, view.progress.groups, pairWords(tAll, names))
    const groups = pairs ? pairs.map((p) => ({ mark: null, notes: p.notes })) : byMark
    // Someone rates this zone in this phase: those who do not, watch the tally.
    const phase = meeting.template.phases[view.progress.phaseIndex]
    const ratedNow = Object.values(phase?.zones[zone.id] ?? {}).some((a) => a?.can.includes('rate'))
    const myId = meeting.participantId
    const role = me?.role ?? 'observer'
    const adds = accessFor(meeting.template, meeting.phaseId(), zone.id, role).can.has('add')
    const progress = view.progress
    return {
      zones,
      zone,
      scale,
      rates: rates && scale !== null,
      ratedNow,
      names,
      groups,
      myId,
      notes,
      role,
      adds,
      progress,
      pairs,
    }
  }, [editor, meeting, chosen, tAll])

  // Counts changed (someone marked, added, removed): say the new tally, not at the first render.
  const tally = state ? tallyOf(state.groups, (mark) => markText(t, mark, 'name')) : ''
  const lastTally = useRef<string | null>(null)
  useEffect(() => {
    if (lastTally.current !== null && tally !== lastTally.current) setAnnouncement(t('list.tally', { tally }))
    lastTally.current = tally
  }, [tally, t])

  // After a mark from the keyboard, focus goes where focusAfterMarking said, once the list is redrawn.
  useEffect(() => {
    const id = focusNext.current
    if (!id || !listRef.current) return
    const item = listRef.current.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(id)}"]`)
    if (item) {
      item.focus()
      focusNext.current = null
    }
  })

  if (!state) return null
  const { zones, zone, scale, rates, ratedNow, names, groups, myId } = state
  // The inbrenger's own step in an advice zone: choose the advice and write the action.
  const prompt =
    state.role === 'inbrenger' && isAdviceZone(meeting.template, zone.id) && outcomeGaps.length > 0
  const extras = caseListView({
    template: meeting.template,
    progress: state.progress,
    zone,
    notes: state.notes,
    myId,
    role: state.role,
    adds: state.adds,
    nameOf: (id) => names.get(id) ?? t('list.unknownAuthor'),
    actions,
    t: tAll,
  })
  // Ten scores: a group per score would be mostly empty; only those with notes are listed.
  const shown = zone.rating === 'score10' ? groups.filter((g) => g.notes.length > 0) : groups

  const mark = (note: ListNote, value: string | null) => {
    if (!editor) return
    const next = focusAfterMarking(groups, note.id)
    if (!markNote(editor, meeting, note.id as TLShapeId, value)) return
    focusNext.current = next ?? note.id
    setAnnouncement(t('list.announce', { mark: markText(t, value, 'name'), text: note.text }))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, note: ListNote) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const order = listOrder(groups)
    const at = order.findIndex((n) => n.id === note.id)
    const goTo = (index: number) => {
      const target = order[Math.max(0, Math.min(order.length - 1, index))]
      if (!target) return
      listRef.current?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(target.id)}"]`)?.focus()
    }
    const moves: Record<string, () => void> = {
      ArrowDown: () => goTo(at + 1),
      ArrowUp: () => goTo(at - 1),
      Home: () => goTo(0),
      End: () => goTo(order.length - 1),
    }
    const move = event.target === event.currentTarget ? moves[event.key] : undefined
    const value = rates && scale && marksNote(note) ? markForKey(event.key, scale) : undefined
    if (!move && value === undefined) return
    // Ours, not tldraw's shortcuts (N is its note tool).
    event.preventDefault()
    event.stopPropagation()
    if (move) move()
    else if (value !== undefined && value !== note.mark) mark(note, value)
  }

  // Each scores only their own topic (ratedByAuthor): no buttons on someone else's.
  function marksNote(note: ListNote): boolean {
    return !zone.ratedByAuthor || note.authorId === myId
  }

  const count = listOrder(groups).length
  return (
    <aside
      className={collapsed ? 'notes-list notes-list--collapsed' : 'notes-list'}
      aria-labelledby={headingId}
      data-zone={zone.id}
    >
      <div className="notes-list__head">
        <h2 className="notes-list__title" id={headingId}>
          <span className="visually-hidden">{t('list.label', { zone: zone.title[language] })}</span>
          <span aria-hidden="true">{zone.title[language]}</span>{' '}
          <span className="notes-list__count">
            {count === 1 ? t('list.countOne') : t('list.count', { count: String(count) })}
          </span>
        </h2>
        <button
          type="button"
          className="notes-list__toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={toggleCollapsed}
        >
          <span className="visually-hidden">{collapsed ? t('list.show') : t('list.hide')}</span>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path
              d={collapsed ? 'M10 3 5 8l5 5' : 'M6 3l5 5-5 5'}
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      </div>
      <div className="notes-list__body" id={bodyId} hidden={collapsed} ref={listRef}>
        {zones.length > 1 ? (
          <fieldset className="notes-list__zones">
            <legend className="visually-hidden">{t('list.zoneSwitch')}</legend>
            {zones.map((id) => (
              <button
                key={id}
                type="button"
                className="notes-list__zone"
                aria-pressed={id === zone.id}
                onClick={() => setChosen(id)}
              >
                {findZone(meeting.template, id)?.title[language] ?? id}
              </button>
            ))}
          </fieldset>
        ) : null}
        {prompt ? (
          <p className="notes-list__howto" data-outcome-prompt="">
            {t('list.outcomePrompt', { gaps: gapWords(language, outcomeGaps) })}
          </p>
        ) : null}
        {rates && zone.rating ? (
          <p className="notes-list__howto">
            {t(zone.ratedByAuthor ? 'list.howTo.own' : `list.howTo.${zone.rating}`)}
          </p>
        ) : ratedNow ? (
          <p className="notes-list__watching">{t('list.watching')}</p>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {extras.head}
        {count === 0 ? <p className="notes-list__empty">{t('list.empty')}</p> : null}
        {shown.map((group, i) => (
          <NoteGroupSection
            key={state.pairs ? (state.pairs[i]?.groupId ?? 'none') : (group.mark ?? 'none')}
            group={group}
            groupId={state.pairs ? (state.pairs[i]?.groupId ?? '') : undefined}
            heading={
              state.pairs
                ? (state.pairs[i]?.heading ?? '')
                : scale
                  ? markText(t, group.mark, 'heading')
                  : t('mark.all.heading')
            }
            authorOf={(note) => authorName(note, names, myId, t)}
            scale={rates ? scale : null}
            marksNote={marksNote}
            t={t}
            onMark={mark}
            onKeyDown={onKeyDown}
            extraFor={extras.extraFor}
            isCurrent={extras.isCurrent}
          />
        ))}
      </div>
    </aside>
  )
}

function authorName(note: ListNote, names: ReadonlyMap<string, string>, myId: string, t: RatingT): string {
  if (note.authorId === null) return t('list.unknownAuthor')
  const name = names.get(note.authorId) ?? t('list.unknownAuthor')
  return note.authorId === myId ? `${name} (${t('list.you')})` : name
}
