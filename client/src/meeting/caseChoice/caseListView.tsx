import './caseChoice.css'
import type { ReactNode } from 'react'
import { isVotableCase, leadingNotes, myVotes, voteCounts, votingZoneOf } from '../../../../shared/caseVotes'
import type { MeetingProgress } from '../../../../shared/phaseMachine'
import type { RoleId, Zone } from '../../../../shared/schema'
import type { Template } from '../../../../shared/templateSchema'
import { currentTopic } from '../../../../shared/topicWalk'
import type { Translate } from '../../i18n/useT'
import type { ListNote } from '../list/groupNotes'
import { TurnNote } from '../turns/TurnNote'
import { isTurnNote } from '../turns/turnNotes'
import type { CaseActions } from './caseActions'
import { NoteVotes } from './NoteVotes'
import { VotePanel } from './VotePanel'

/** What the notes list adds for choosing the case and for turns: a head, and per note. */
export interface CaseListView {
  head: ReactNode
  extraFor?: (note: ListNote) => ReactNode
  isCurrent?: (note: ListNote) => boolean
}

interface CaseListArgs {
  template: Template
  progress: MeetingProgress
  zone: Zone
  notes: readonly ListNote[]
  myId: string
  role: RoleId
  /** Whether I may add notes to the zone now (then the sentence limit is worth saying). */
  adds: boolean
  nameOf: (participantId: string) => string
  actions: CaseActions | null
  t: Translate
}

/**
 * The case list's extras in the notes list: the sentence limit while writing, the dot vote
 * (VotePanel above, NoteVotes under each case), and while a round "om de beurt" runs, the note
 * of whoever has the turn, above the list and highlighted in it.
 */
export function caseListView(a: CaseListArgs): CaseListView {
  const { template, progress, zone, notes, myId, role, actions, t } = a
  const head: ReactNode[] = []
  const votingPhase = votingZoneOf(template, progress.phaseIndex) === zone.id
  if (zone.maxSentences !== undefined && a.adds && !votingPhase) {
    head.push(
      <p key="sentences" className="notes-list__howto case-list__limit">
        {t('sentences.limit', { max: String(zone.maxSentences) })}
      </p>,
    )
  }
  // Whose turn it is, and their notes here (for the topic now on, when the method walks topics).
  const current = progress.turns ? progress.turns.order[progress.turns.at] : undefined
  const topicId = currentTopic(template, progress)?.topic.noteId ?? null
  const isCurrent = current === undefined ? undefined : (note: ListNote) => isTurnNote(note, current, topicId)
  if (current !== undefined && isCurrent) {
    head.push(<TurnNote key="turn" name={a.nameOf(current)} notes={notes.filter(isCurrent)} />)
  }

  const voting = progress.voting?.zoneId === zone.id ? progress.voting : null
  if (!actions || (!votingPhase && !voting)) return { head, isCurrent }

  head.unshift(
    <VotePanel
      key="votes"
      voting={voting}
      votingPhase={votingPhase}
      myId={myId}
      role={role}
      actions={actions}
    />,
  )
  const counts = voteCounts(voting)
  const mine = myVotes(voting, myId)
  const cases = notes.filter((n) => isVotableCase(n.text))
  const leaders = new Set(leadingNotes(voting, new Set(cases.map((n) => n.id))))
  const canVote = votingPhase && voting?.open === true && role !== 'observer'
  const chosen = progress.chosenCase?.trim() ?? null
  const extraFor = (note: ListNote) => (
    <NoteVotes
      noteId={note.id}
      text={note.text}
      count={counts.get(note.id) ?? 0}
      mine={mine.on.get(note.id) ?? 0}
      // An empty note is no case: no votes on it, nor choosing it (my own votes I can take back).
      canVote={canVote && (isVotableCase(note.text) || (mine.on.get(note.id) ?? 0) > 0)}
      canAdd={canVote && isVotableCase(note.text) && mine.left > 0}
      leading={leaders.has(note.id)}
      canChoose={role === 'begeleider' && isVotableCase(note.text)}
      chosen={chosen !== null && chosen === note.text.trim().slice(0, 500)}
      actions={actions}
    />
  )
  return { head, extraFor, isCurrent }
}
