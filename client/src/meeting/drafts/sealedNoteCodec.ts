import { type Editor, type TLNoteShape, type TLRecord, type TLShape, type TLStore, toRichText } from 'tldraw'
import type { BoardRecord } from '../../../../shared/boardRecords'
import {
  isSealedRecord,
  removedByFacilitator,
  sealedInOf,
  sealedTextOf,
  sealIdOf,
} from '../../../../shared/drafts/revealedNotes'
import { richTextToPlain } from '../../../../shared/outcome/noteText'
import type { RecordCodec } from '../../collab/recordCodec'
import { openText } from './sealing'

/** What a sealed note shows while it cannot show its text. */
export interface SealedNoteWords {
  /** Being opened (a moment). */
  opening: string
  /** No meeting key in this browser, or sealed with another key. */
  unreadable: string
  /** The begeleider removed it. */
  removed: string
}

const EMPTY_TEXT = { type: 'doc', content: [{ type: 'paragraph' }] }
/**
 * Revealed private notes sit in the room sealed (meta.sealed, no plain text). This browser opens
 * them with the meeting key for its own store only: the binding puts what comes from the room
 * through `fromRoom`, and everything it sends through `toRoom`, which takes the text out again,
 * so what was opened never goes back to the room. Without a key a note says it cannot be read.
 */
export class SealedNoteCodec implements RecordCodec {
  private key: CryptoKey | null = null
  private keyKnown = false
  private readonly opened = new Map<string, string>()
  private readonly unreadable = new Set<string>()
  private readonly opening = new Set<string>()
  private store: TLStore | null = null
  /** Fits a note's text size to its text, as tldraw does when a note is made (needs the editor). */
  private fit: (record: TLRecord) => TLRecord = (record) => record

  constructor(
    private readonly meetingId: string,
    private readonly words: () => SealedNoteWords,
  ) {}

  /** The meeting key of this browser (null: none); opens what waited for it. */
  setKey(key: CryptoKey | null): void {
    this.key = key
    this.keyKnown = true
    this.unreadable.clear()
    const store = this.store
    if (!store) return
    for (const record of store.allRecords()) if (isSealedShape(record)) this.refresh(record.id)
  }

  /** The editor of this board: opened notes are then drawn at the size that fits their text. */
  setEditor(editor: Editor | null): void {
    this.fit = editor
      ? (record) =>
          (record as TLShape).type === 'note'
            ? ((editor.getShapeUtil('note').onBeforeCreate?.(record as TLNoteShape) as
                | TLRecord
                | undefined) ?? record)
            : record
      : (record) => record
    const store = this.store
    if (!store) return
    const fitted = store
      .allRecords()
      .filter(isSealedShape)
      .map((record) => this.fit(record))
    if (fitted.length > 0) store.mergeRemoteChanges(() => store.put(fitted))
  }

  /** The author's browser sealed `text` itself: no need to open it again. */
  remember(sealed: string, text: string): void {
    this.opened.set(sealed, text)
  }

  attach(store: TLStore): () => void {
    this.store = store
    return () => {
      if (this.store === store) this.store = null
    }
  }

  toRoom(record: TLRecord): TLRecord {
    if (!isSealedShape(record)) return record
    const props = (record as { props: Record<string, unknown> }).props
    // Sizes fitted to the opened text would tell the room about the text: the room keeps tldraw's.
    return {
      ...record,
      props: { ...props, richText: EMPTY_TEXT, textLastEditedBy: null, growY: 0, fontSizeAdjustment: 1 },
    } as TLRecord
  }

  fromRoom(record: TLRecord): TLRecord {
    if (!isSealedShape(record)) return record
    const shown = this.shown(record as unknown as BoardRecord)
    if (shown === null) {
      this.open(record as unknown as BoardRecord)
      // Until it is open: what this screen showed for the note before (my own draft at its
      // reveal, or a new seal of a text I already see), else the placeholder.
      const before = this.store?.get(record.id)
      return this.fit(withText(record, before ? textOf(before) : this.words().opening))
    }
    return this.fit(withText(record, shown))
  }

  /** Whether the text on this screen differs from what the note's seal holds (an edit to seal). */
  isEdited(record: BoardRecord): boolean {
    const shown = this.shown(record)
    return shown !== null && normal(shown) !== textOf(record as unknown as TLRecord)
  }

  /**
   * The record as the shared rules judge it in this browser: as the room holds it, but with the
   * opened text (PolicyContext.sealedTextOpened), so an edit is a change of text, judged by the
   * rule that only the author changes it, and by the zone's sentence limit.
   */
  judgeForm(record: BoardRecord): BoardRecord {
    if (!isSealedShape(record as unknown as TLRecord)) return record
    const inRoom = this.toRoom(record as unknown as TLRecord) as unknown as BoardRecord
    return {
      ...inRoom,
      props: { ...inRoom.props, richText: (record.props as { richText?: unknown }).richText },
    }
  }

  /** The text for the screen, or null while it is still to be opened. */
  private shown(record: BoardRecord): string | null {
    if (removedByFacilitator(record)) return this.words().removed
    const sealed = sealedTextOf(record)
    if (sealed === null) return ''
    const text = this.opened.get(sealed)
    if (text !== undefined) return text
    if (this.unreadable.has(sealed) || (this.keyKnown && !this.key)) return this.words().unreadable
    return null
  }

  private open(record: BoardRecord): void {
    const sealed = sealedTextOf(record)
    if (!sealed || !this.key || this.opening.has(sealed)) return
    this.opening.add(sealed)
    openText(this.key, sealedInOf(record, this.meetingId), sealIdOf(record), sealed)
      .then((text) => this.opened.set(sealed, text))
      .catch(() => this.unreadable.add(sealed))
      .finally(() => {
        this.opening.delete(sealed)
        this.refresh(record.id)
      })
  }

  /** Shows what a note's seal holds now, as a change from the room (never sent back). */
  private refresh(id: string): void {
    const store = this.store
    const current = store?.get(id as TLRecord['id'])
    if (!store || !current || !isSealedShape(current)) return
    const shown = this.shown(current as unknown as BoardRecord)
    if (shown === null) {
      this.open(current as unknown as BoardRecord)
      return
    }
    if (normal(shown) === textOf(current)) return
    store.mergeRemoteChanges(() => store.put([this.fit(withText(current, shown))]))
  }
}

function isSealedShape(record: TLRecord): boolean {
  return record.typeName === 'shape' && isSealedRecord(record as unknown as BoardRecord)
}

function textOf(record: TLRecord): string {
  return richTextToPlain((record as { props?: { richText?: unknown } }).props?.richText)
}

function normal(text: string): string {
  return richTextToPlain(toRichText(text))
}

function withText(record: TLRecord, text: string): TLRecord {
  const props = (record as { props: Record<string, unknown> }).props
  return {
    ...record,
    props: { ...props, richText: toRichText(text), growY: 0, fontSizeAdjustment: 1 },
  } as TLRecord
}
