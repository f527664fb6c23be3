import { createTLSchema } from '@tldraw/tlschema'
import type { BoardRecord } from '../../../shared/boardRecords'
import { BOARD_RECORD_TYPES, drawProblem, MEETING_SHAPE_TYPES } from '../../../shared/drawable/drawableRecord'

const schema = createTLSchema()

/**
 * Checks a record a client wants to store against tldraw's own schema, so nobody can put a record
 * in the room that would break the other participants' editors. Returns what is wrong, or null.
 * tldraw's validators check types and names only; what the editor can draw (its text schema,
 * bounds on every number) is shared/drawable, which the guard runs with the other rules
 * (recordPolicy.ts) and an import through `importedRecordProblem`.
 */
export function recordProblem(record: BoardRecord): string | null {
  if (!BOARD_RECORD_TYPES.has(record.typeName))
    return `records of type "${record.typeName}" do not belong in the document`
  const type = schema.types[record.typeName as keyof typeof schema.types]
  try {
    type.validate(record as never)
    return null
  } catch (error) {
    return (error as Error).message.slice(0, 200)
  }
}

/** An imported record: tldraw's schema, then whether a meeting's editor can draw it. */
export function importedRecordProblem(record: BoardRecord): string | null {
  const invalid = recordProblem(record)
  if (invalid) return invalid
  const undrawable = drawProblem(record, { shapeTypes: MEETING_SHAPE_TYPES })
  return undrawable ? `${undrawable.text.en} (${undrawable.code} at ${undrawable.where})` : null
}
