import '../styles/board.css'
import 'tldraw/tldraw.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { type Editor, react, useValue } from 'tldraw'
import { privatePresence } from '../../../shared/drafts/presencePrivacy'
import type { LocalizedText } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import { meetingRoomId, type ParticipantView } from '../../../shared/wire'
import { BoardCanvas } from '../board/BoardCanvas'
import { BoardConnectionContext, BoardLoading } from '../board/BoardLoading'
import { BoardNoticeToast } from '../board/BoardNoticeToast'
import { useServerConfig } from '../board/useServerConfig'
import { useBoardSession } from '../collab/useBoardSession'
import { LookBackButton } from '../groups/lookBack/LookBackButton'
import { useLookBack } from '../groups/lookBack/useLookBack'
import { $language } from '../i18n/languageSignal'
import { translate, useLanguage, useT } from '../i18n/useT'
import { ReportButton } from '../report/ReportButton'
import { useDocumentTitle } from '../ui/useDocumentTitle'
import { MeetingCanvasLayer } from './canvas/MeetingCanvasLayer'
import { MeetingContext } from './canvas/meetingContext'
import { privateVisibility } from './canvas/privateVisibility'
import type { CaseActions } from './caseChoice/caseActions'
import { sortIntoColumns } from './columns/sortIntoColumns'
import { DraftProgressPanel } from './drafts/DraftProgressPanel'
import { isDraft, keepDrafts } from './drafts/drafts'
import { loadMeetingKey } from './drafts/meetingKey'
import { PrepareCase } from './drafts/PrepareCase'
import { PrivateWritingBar } from './drafts/PrivateWritingBar'
import { RevealedNoteActions } from './drafts/RevealedNoteActions'
import { SealedNoteCodec } from './drafts/sealedNoteCodec'
import { useSealedDrafts } from './drafts/useSealedDrafts'
import { CanvasActions } from './layout/CanvasActions'
import { FoldedStylePanel } from './layout/FoldedStylePanel'
import { MeetingLayout } from './layout/meetingLayout'
import { RatingList } from './list/RatingList'
import { type RefusedEdit, registerLocks } from './locks/registerLocks'
import { MeetingChrome } from './MeetingChrome'
import { MeetingErased } from './MeetingErased'
import { MeetingRemoved } from './MeetingRemoved'
import { meetingApi } from './meetingApi'
import { MeetingState } from './meetingState'
import { createMeetingUser } from './meetingUser'
import { useOutcomeGaps } from './outcome/outcomeGapsView'
import { hideAnonymousNotes } from './presence/hideAnonymous'
import { QuietCursor } from './presence/QuietCursor'
import { dropEmptyLeftBehind } from './returned/dropEmptyNote'
import { keepReturned, returnedNotice } from './returned/keepReturned'
import { ReturnedNotesPanel } from './returned/ReturnedNotesPanel'
import { refusedEdit } from './returned/returnedNotes'
import { ReturnedStore } from './returned/returnedStore'

interface MeetingBoardProps {
  meetingId: string
  token: string
  template: Template
  participant: ParticipantView
  title: string
  serverOffset: number
}

/** The method's board has one page: no page menu, and room on top for the meeting's own bar. */
const extraComponents = {
  InFrontOfTheCanvas: MeetingCanvasLayer,
  TopPanel: CanvasActions,
  StylePanel: FoldedStylePanel,
  PageMenu: null,
  CollaboratorCursor: QuietCursor,
}
/** How long a lock message stays before it goes away by itself. */
const LOCK_NOTICE_MS = 6000

/** One meeting's live board: the canvas with its locks and overlays, and the meeting around it. */
export function MeetingBoard({
  meetingId,
  token,
  template,
  participant,
  title,
  serverOffset,
}: MeetingBoardProps) {
  const t = useT()
  const language = useLanguage()
  useDocumentTitle(`${title} — ${t('app.name')}`)
  const config = useServerConfig()
  const { user, $user } = useMemo(() => createMeetingUser(participant), [participant])
  // Revealed private notes stay sealed in the room; this screen opens them (drafts/).
  const sealedNotes = useMemo(
    () =>
      new SealedNoteCodec(meetingId, () => ({
        opening: translate($language.get(), 'drafts.sealed.opening'),
        unreadable: translate($language.get(), 'drafts.sealed.unreadable'),
        removed: translate($language.get(), 'drafts.sealed.removed'),
      })),
    [meetingId],
  )
  const session = useBoardSession(
    meetingRoomId(meetingId),
    $user,
    () => template.name[language],
    token,
    isDraft,
    sealedNotes,
  )
  const meeting = useMemo(
    () => (session ? new MeetingState(template, participant.id, session, meetingId, sealedNotes) : null),
    [session, template, participant.id, meetingId, sealedNotes],
  )
  useEffect(() => () => meeting?.destroy(), [meeting])
  // While people write for themselves, presence shows nothing of it (and typing sends nothing);
  // nor does it point at a note revealed without names.
  useEffect(() => {
    if (!meeting || !session) return undefined
    session.$presenceFilter.set((presence) => {
      const view = meeting.$view.get()
      const shown = view ? privatePresence(template, view.progress.phaseIndex, presence) : presence
      return hideAnonymousNotes(session.store, shown)
    })
    return () => {
      session.$presenceFilter.set(null)
    }
  }, [meeting, session, template])
  const layout = useMemo(
    () => (meeting && session ? new MeetingLayout(meeting, session) : null),
    [meeting, session],
  )
  // An observer watches, and after "Afgerond" everyone does: tldraw's own read-only mode.
  useEffect(
    () =>
      meeting && session
        ? react('read only', () =>
            session.setReadonly(
              meeting.me()?.role === 'observer' || !!meeting.$view.get()?.progress.finished,
            ),
          )
        : undefined,
    [meeting, session],
  )
  // My text the server did not take comes back to me (see meeting/returned).
  const returned = useMemo(() => new ReturnedStore(meetingId, participant.id), [meetingId, participant.id])
  useEffect(
    () => (meeting && session ? keepReturned(session, meeting, returned) : undefined),
    [meeting, session, returned],
  )
  const connection = useValue('connection', () => session?.$connection.get() ?? 'connecting', [session])
  const notice = useValue('notice', () => session?.$notice.get() ?? null, [session])
  const view = useValue('meeting view', () => meeting?.$view.get() ?? null, [meeting])
  const lookBack = useLookBack(meeting)

  const dismissTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const onMount = useCallback(
    (editor: Editor) => {
      if (!meeting || !session) return undefined
      // A lock message stays a few seconds; repeated moves during one drag do not stack up.
      let lastShown = 0
      const showLockNotice = (reason: LocalizedText, refused: RefusedEdit) => {
        // Text of mine the locks refused goes to my returned notes, so it is not lost.
        const kept = refused.next
          ? refusedEdit(refused.prev, refused.next, meeting.participantId, reason, Date.now())
          : null
        if (kept) returned.add([kept])
        // A fresh note whose first text was refused would stand empty on the list: it goes.
        dropEmptyLeftBehind(editor, refused, meeting.participantId)
        // One gesture can trip several locks (a refused note is then also moved): keep the first.
        if (Date.now() - lastShown < 1500) return
        lastShown = Date.now()
        const message = kept ? returnedNotice(reason, refused.prev ? 'edit' : 'note') : reason
        session.$notice.set({ kind: 'refused', refusal: { code: 'forbidden', ...message } })
        if (dismissTimer.current) clearTimeout(dismissTimer.current)
        dismissTimer.current = setTimeout(() => session.dismissNotice(), LOCK_NOTICE_MS)
      }
      // Before the locks: a note dragged into a W/N/K column is judged with the column's mark.
      const stopSorting = sortIntoColumns(editor, meeting)
      const unregister = registerLocks(editor, meeting, showLockNotice)
      setEditor(editor)
      // Opened sealed notes are drawn at the size that fits their text.
      sealedNotes.setEditor(editor)
      // With a meeting key the server reveals drafts (drafts/); without one this browser does.
      const stopDrafts = keepDrafts(editor, meeting, meetingId, {
        publishAtReveal: !loadMeetingKey(meetingId),
      })
      // Slots, the phase's view, Shift+N, following: after the locks (see MeetingLayout.attach).
      const detachLayout = layout?.attach(editor)
      return () => {
        detachLayout?.()
        stopDrafts()
        sealedNotes.setEditor(null)
        unregister()
        stopSorting()
        setEditor(null)
      }
    },
    [meeting, session, meetingId, layout, returned, sealedNotes],
  )
  const role = useValue('my role', () => meeting?.me()?.role ?? participant.role, [meeting, participant.role])
  const sealed = useSealedDrafts(editor, meeting, meetingId, token, returned)
  // Finishing names what of the inbrenger's outcome is still empty.
  const outcomeGaps = useOutcomeGaps(editor, meeting)
  const caseActions = useMemo<CaseActions>(
    () => ({
      vote: async (noteId, cast) => {
        await meetingApi.vote(meetingId, token, noteId, cast)
      },
      command: async (command) => {
        await meetingApi.command(meetingId, token, command)
      },
    }),
    [meetingId, token],
  )
  const visibility = useMemo(() => (meeting ? privateVisibility(meeting) : undefined), [meeting])
  if (notice?.kind === 'erased' && notice.by === 'removed') return <MeetingRemoved meetingId={meetingId} />
  if (notice?.kind === 'erased')
    return <MeetingErased meetingId={meetingId} expired={notice.by === 'retention'} />

  return (
    <BoardConnectionContext.Provider value={connection}>
      <MeetingContext.Provider value={meeting}>
        <div className="board meeting">
          <MeetingChrome
            meetingId={meetingId}
            token={token}
            template={template}
            title={title}
            view={view}
            participantId={participant.id}
            connection={connection}
            serverOffset={serverOffset}
            aside={meeting ? <RatingList editor={editor} meeting={meeting} actions={caseActions} /> : null}
            outcomeGaps={outcomeGaps}
            preparation={meeting ? <PrepareCase editor={editor} meeting={meeting} drafts={sealed} /> : null}
            report={(ui) =>
              meeting ? (
                <>
                  <LookBackButton {...ui} lookBack={lookBack} meetingId={meetingId} token={token} />
                  <ReportButton {...ui} editor={editor} meeting={meeting} token={token} />
                </>
              ) : null
            }
          >
            <main className="board__canvas">
              {session && config && meeting ? (
                <BoardCanvas
                  session={session}
                  licenseKey={config.tldrawLicenseKey}
                  language={language}
                  user={user}
                  extraComponents={extraComponents}
                  getShapeVisibility={visibility}
                  onMount={onMount}
                />
              ) : (
                <BoardLoading connection={connection} />
              )}
              {meeting ? <ReturnedNotesPanel store={returned} meeting={meeting} editor={editor} /> : null}
              {meeting && role === 'begeleider' ? (
                <>
                  <DraftProgressPanel meeting={meeting} meetingId={meetingId} token={token} />
                  <RevealedNoteActions editor={editor} meetingId={meetingId} token={token} />
                </>
              ) : meeting ? (
                <PrivateWritingBar
                  meeting={meeting}
                  drafts={sealed}
                  meetingId={meetingId}
                  token={token}
                  editor={editor}
                />
              ) : null}
            </main>
          </MeetingChrome>
          {notice && session ? (
            <BoardNoticeToast notice={notice} onDismiss={() => session.dismissNotice()} />
          ) : null}
        </div>
      </MeetingContext.Provider>
    </BoardConnectionContext.Provider>
  )
}
