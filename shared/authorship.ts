import { authorOf, type BoardRecord } from './boardRecords'
import { deny, type PolicyContext, type RecordChange, type Verdict } from './policyTypes'

/**
 * Who wrote or last edited a note is the server's word, never a field a client fills in for
 * someone else. A note carries its author in `meta.authorId` (judged with the placement rules)
 * and, once its text is edited, the editor's user id in `props.textLastEditedBy`: tldraw's
 * NoteShapeUtil sets it on every text change (and on a duplicate or paste) and prints that user's
 * first name on the note, on screen and in an SVG/PNG export. Only notes carry it in tldraw v5.
 *
 * An anonymous reveal puts notes on the board that belong to nobody: `meta.anonymous === true`,
 * set by the server when it places the note at the reveal (server/src/drafts/revealPlacement.ts). Such a note
 * never carries an author, a last editor or a pair, not even after its author edits it again;
 * the flag never comes or goes on a note that is already on the board.
 */
export const ANONYMOUS_META_KEY = 'anonymous'

/** Meta fields that tie a note to a person or to a pair of people. */
const PERSONAL_META_KEYS = ['authorId', 'groupId'] as const

/** Is this a note revealed without names (see above)? */
export function isAnonymousNote(record: BoardRecord | null | undefined): boolean {
  return record?.typeName === 'shape' && record.meta?.[ANONYMOUS_META_KEY] === true
}

/** The user id tldraw prints on a note as its last editor (a participant id), or null. */
export function lastEditorOf(record: BoardRecord | null | undefined): string | null {
  const editor = record?.props?.textLastEditedBy
  return typeof editor === 'string' && editor !== '' ? editor : null
}

/**
 * The record as an anonymous note: flagged, without author, pair, draft mark or last editor.
 * What the reveal puts on the board when the begeleider chose "Anoniem onthullen".
 */
export function asAnonymousNote<R extends BoardRecord>(record: R): R {
  const meta: Record<string, unknown> = { ...record.meta, [ANONYMOUS_META_KEY]: true }
  for (const key of PERSONAL_META_KEYS) delete meta[key]
  delete meta.draft
  const props = record.props && 'textLastEditedBy' in record.props
  return {
    ...record,
    meta,
    ...(props ? { props: { ...record.props, textLastEditedBy: null } } : {}),
  }
}

/** The record with tldraw's last-editor stamp taken off (for an anonymous note being edited). */
export function withoutLastEditor<R extends BoardRecord>(record: R): R {
  if (lastEditorOf(record) === null) return record
  return { ...record, props: { ...record.props, textLastEditedBy: null } }
}

/**
 * Judges the names a shape change writes: the anonymous flag and what an anonymous note may not
 * carry, and the last editor, which is the actor or nobody. A note the reveal releases under its
 * author's name may carry that author as its last editor (she typed it); one that is released
 * anonymously, none.
 */
export function judgeAuthorship(ctx: PolicyContext, { id, prev, next }: RecordChange): Verdict {
  if (next?.typeName !== 'shape') return { ok: true }
  if (prev && isAnonymousNote(prev) !== isAnonymousNote(next)) {
    return deny(id, {
      nl: 'Of een notitie anoniem is, ligt vast zodra ze op het bord staat.',
      en: 'Whether a note is anonymous is fixed once it is on the board.',
    })
  }
  if (isAnonymousNote(next)) {
    const personal = PERSONAL_META_KEYS.some((key) => next.meta?.[key] !== undefined)
    if (personal || lastEditorOf(next) !== null) {
      return deny(id, {
        nl: 'Een anoniem onthulde notitie draagt geen naam: geen schrijver en geen laatste bewerker.',
        en: 'An anonymously revealed note carries no name: no author and no last editor.',
      })
    }
    return { ok: true }
  }
  const released = prev ? undefined : ctx.releasedNote?.(id)
  if (released?.anonymous) {
    return deny(id, {
      nl: `Een anoniem onthulde notitie draagt het kenmerk meta.${ANONYMOUS_META_KEY}.`,
      en: `An anonymously revealed note carries the flag meta.${ANONYMOUS_META_KEY}.`,
    })
  }
  const editor = lastEditorOf(next)
  if (editor === null || editor === ctx.actor.participantId) return { ok: true }
  // Unchanged, on a note whose text did not change either: nothing is said about anyone.
  if (prev && lastEditorOf(prev) === editor && sameText(prev, next)) return { ok: true }
  if (released && released.authorId === editor && authorOf(next) === editor) return { ok: true }
  return deny(id, {
    nl: 'Als laatste bewerker van een notitie kan alleen jouw eigen naam erop.',
    en: 'Only your own name can go on a note as its last editor.',
  })
}

function sameText(a: BoardRecord, b: BoardRecord): boolean {
  return JSON.stringify(a.props?.richText) === JSON.stringify(b.props?.richText)
}

/**
 * Presence that does not point at an anonymous note: whoever selects or edits one would show who
 * is busy with it (tldraw draws others' selections, and their cursor sits on the note while they
 * type). Its id goes from `selectedShapeIds`, and the cursor with it. The client applies this
 * before sending (also while editing), the server to every presence it passes on.
 */
export function anonymousPresence(
  presence: unknown,
  isAnonymous: (shapeId: string) => boolean,
  editingShapeId: string | null = null,
): unknown {
  if (!presence || typeof presence !== 'object' || Array.isArray(presence)) return presence
  const record = presence as Record<string, unknown>
  const selected = Array.isArray(record.selectedShapeIds) ? record.selectedShapeIds : []
  const kept = selected.filter((id) => !(typeof id === 'string' && isAnonymous(id)))
  const editing = editingShapeId !== null && isAnonymous(editingShapeId)
  if (kept.length === selected.length && !editing) return presence
  return { ...record, selectedShapeIds: kept, cursor: null }
}
