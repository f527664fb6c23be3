import * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import { MEETING_MAP } from '../../../shared/wire'
import { writeRecordsWhole } from '../board/boardRecords'
import type { StoredRecord } from '../storage/boardSchema'

/** Records put into a board per step; between steps other requests get their turn. */
const RECORDS_PER_STEP = 250

/** Lets the event loop answer whatever waits (other requests) before the next step of an import. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * An imported meeting's board, made apart from any room: its records written whole by the board's one
 * writer (server/src/board/boardRecords.ts), so the whole board can be stored with its meeting in one
 * transaction. Its client id is claimed for the server when stored (no participant writes in it).
 */
export async function buildImportedBoard(records: readonly StoredRecord[]): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (let from = 0; from < records.length; from += RECORDS_PER_STEP) {
    const step = records.slice(from, from + RECORDS_PER_STEP)
    doc.transact(() => writeRecordsWhole(doc, step as unknown as BoardRecord[]))
    await nextTurn()
  }
  return doc
}

/** Sets a value of the meeting map (a group's look-back) in a board not stored yet. */
export function setMeetingValue(doc: Y.Doc, key: string, value: unknown): void {
  doc.getMap(MEETING_MAP).set(key, value)
}

/** The board as the one update its room's log begins with. */
export function encodeImportedBoard(doc: Y.Doc): { update: Uint8Array; clientId: number } {
  return { update: Y.encodeStateAsUpdate(doc), clientId: doc.clientID }
}
