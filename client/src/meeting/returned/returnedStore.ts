import { type Atom, atom } from 'tldraw'
import { mergeReturned, type ReturnedNote } from './returnedNotes'

const KEY_PREFIX = 'intervisiebord.returned.'

/**
 * My returned notes in this meeting, kept in this browser only (localStorage, like the private
 * drafts): never sent to the room, so on nobody else's board, and still there after a reload.
 * They go only when I take them back onto the board or throw them away myself.
 */
export class ReturnedStore {
  readonly $notes: Atom<readonly ReturnedNote[]>
  private readonly key: string

  constructor(meetingId: string, participantId: string) {
    this.key = `${KEY_PREFIX}${meetingId}.${participantId}`
    this.$notes = atom('returned notes', readSaved(this.key))
  }

  add(notes: readonly ReturnedNote[]): void {
    if (notes.length === 0) return
    this.save(mergeReturned(this.$notes.get(), notes))
  }

  remove(id: string): void {
    this.save(this.$notes.get().filter((n) => n.id !== id))
  }

  private save(notes: readonly ReturnedNote[]): void {
    this.$notes.set(notes)
    try {
      if (notes.length > 0) localStorage.setItem(this.key, JSON.stringify(notes))
      else localStorage.removeItem(this.key)
    } catch {
      // A full or blocked storage keeps them for this page's life; the panel still shows them.
    }
  }
}

/** Forgets every returned note of a meeting in this browser (the meeting was erased). */
export function forgetReturned(meetingId: string): void {
  const prefix = `${KEY_PREFIX}${meetingId}.`
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i)
    if (key?.startsWith(prefix)) localStorage.removeItem(key)
  }
}

function readSaved(key: string): ReturnedNote[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown
    return Array.isArray(parsed) ? parsed.filter(isReturnedNote) : []
  } catch {
    return []
  }
}

function isReturnedNote(value: unknown): value is ReturnedNote {
  const v = value as Partial<ReturnedNote> | null
  return (
    !!v &&
    typeof v.id === 'string' &&
    typeof v.text === 'string' &&
    typeof v.at === 'number' &&
    typeof v.reason?.nl === 'string' &&
    typeof v.reason?.en === 'string'
  )
}
