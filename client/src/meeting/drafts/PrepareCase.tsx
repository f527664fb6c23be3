import './drafts.css'
import { useId, useState } from 'react'
import { createShapeId, type Editor, type TLShapeId, toRichText, useValue } from 'tldraw'
import { mayPrepare, preparationZone } from '../../../../shared/drafts/preparation'
import { noteArea } from '../../../../shared/layout'
import { sentenceLimitOf, sentenceLimitText } from '../../../../shared/sentenceLimit'
import { countSentences } from '../../../../shared/sentences'
import { nextFreeSlot } from '../../../../shared/slots'
import { useLanguage, useT } from '../../i18n/useT'
import { occupiedIn } from '../layout/slotPlacement'
import type { MeetingState } from '../meetingState'
import { textOf } from '../returned/returnedNotes'
import { isDraft } from './drafts'
import type { SealedDrafts } from './useSealedDrafts'

/** A case in a few lines: the list asks for two to five sentences, so a short paragraph at most. */
const MAX_CASE_CHARS = 600

/**
 * Before the start, on the ground rules card: whoever takes part may put the case they bring in
 * the method's case list. It is a sealed draft (nobody sees it, the server cannot read it) until
 * the begeleider starts the meeting; then it is in the list under their name.
 */
export function PrepareCase({
  editor,
  meeting,
  drafts,
}: {
  editor: Editor | null
  meeting: MeetingState
  drafts: SealedDrafts | null
}) {
  const t = useT()
  const language = useLanguage()
  const id = useId()
  const [text, setText] = useState('')
  const zoneId = preparationZone(meeting.template)
  const me = useValue('me', () => meeting.me(), [meeting])
  const prepared = useValue(
    'prepared cases',
    () =>
      editor?.getCurrentPageShapes().filter((shape) => isDraft(shape) && shape.meta.authorId === me?.id) ??
      [],
    [editor, me],
  )
  const saveState = useValue('save state', () => drafts?.sync?.$saveState.get() ?? 'idle', [drafts])
  if (!zoneId || !me || !mayPrepare(me.role) || !drafts) return null
  const zoneName = meeting.template.zones.find((z) => z.id === zoneId)?.title[language] ?? zoneId
  if (!drafts.sync) {
    return (
      <section className="prepare-case" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('drafts.prepare.title')}</h3>
        <p>{t('drafts.prepare.noKey')}</p>
      </section>
    )
  }

  // The list's sentence limit, said while typing: the server cannot read a sealed case to judge it.
  const maxSentences = sentenceLimitOf(meeting.template, zoneId)
  const sentences = countSentences(text)
  const tooLong = maxSentences !== undefined && sentences > maxSentences
  const add = () => {
    const value = text.trim()
    if (!editor || !value || tooLong) return
    const area = noteArea(meeting.template, zoneId)
    const slot = nextFreeSlot(area, occupiedIn(editor, area)) ?? { x: area.x, y: area.y }
    const shapeId = createShapeId()
    // Not a change for the room: a draft stays in this browser and goes out sealed (draftSync.ts).
    editor.store.mergeRemoteChanges(() =>
      editor.createShape({
        id: shapeId,
        type: 'note',
        x: slot.x,
        y: slot.y,
        meta: { authorId: me.id, draft: true },
        props: { richText: toRichText(value) },
      }),
    )
    setText('')
  }
  const remove = (shapeId: TLShapeId) =>
    editor?.store.mergeRemoteChanges(() => editor.deleteShapes([shapeId]))

  return (
    <section className="prepare-case" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('drafts.prepare.title')}</h3>
      <p className="prepare-case__hint">{t('drafts.prepare.hint', { zone: zoneName })}</p>
      <label htmlFor={`${id}-text`} className="prepare-case__label">
        {t('drafts.prepare.label')}
      </label>
      <textarea
        id={`${id}-text`}
        className="prepare-case__text"
        rows={2}
        maxLength={MAX_CASE_CHARS}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {maxSentences !== undefined ? (
        <p
          className={tooLong ? 'prepare-case__limit prepare-case__limit--over' : 'prepare-case__limit'}
          aria-live="polite"
        >
          {tooLong
            ? sentenceLimitText(meeting.template, zoneId, maxSentences, sentences)[language]
            : t('drafts.prepare.limit', { max: String(maxSentences) })}
        </p>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        disabled={!text.trim() || tooLong}
        onClick={add}
      >
        {t('drafts.prepare.add')}
      </button>
      {prepared.length > 0 ? (
        <>
          <ul className="prepare-case__list" aria-label={t('drafts.prepare.mine')}>
            {prepared.map((shape) => (
              <li key={shape.id}>
                <span>{textOf(shape)}</span>
                <button type="button" className="button button--small" onClick={() => remove(shape.id)}>
                  {t('drafts.prepare.remove')}
                </button>
              </li>
            ))}
          </ul>
          <p className="prepare-case__state" aria-live="polite">
            {saveState === 'failed'
              ? t('drafts.failed')
              : saveState === 'saving'
                ? t('drafts.saving')
                : t('drafts.prepare.saved')}
          </p>
        </>
      ) : null}
    </section>
  )
}
