import type * as Y from 'yjs'

/** Forgets what Yjs holds back for lack of dependencies; returns whether there was any. */
export function dropPending(doc: Y.Doc): boolean {
  const had = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  return had
}
