import { createTLSchema } from '@tldraw/tlschema'
import type { BoardRecord } from '../../../templates/src/boardRecords'

const schema = createTLSchema()
const DOCUMENT_TYPES = new Set(['document', 'page', 'shape', 'binding', 'asset', 'user'])

/**
 * Checks a record a client wants to store against tldraw's own schema, so nobody can put a record
 * in the room that would break the other participants' editors. Returns what is wrong, or null.
 */
export function recordProblem(record: BoardRecord): string | null {
  if (!DOCUMENT_TYPES.has(record.typeName))
    return `records of type "${record.typeName}" do not belong in the document`
  const type = schema.types[record.typeName as keyof typeof schema.types]
  try {
    type.validate(record as never)
    return null
  } catch (error) {
    return (error as Error).message.slice(0, 200)
  }
}
