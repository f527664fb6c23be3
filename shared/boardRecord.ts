/**
 * The few facts about tldraw records that the rules need, without importing tldraw: rules run on
 * the server on plain JSON, and in the client on the store's records.
 */
export interface BoardRecord {
  id: string
  typeName: string
  type?: string
  parentId?: string
  x?: number
  y?: number
  meta?: Record<string, unknown>
  props?: Record<string, unknown>
  [key: string]: unknown
}
