import type { BoardRecord } from './boardRecords'

/**
 * How a board record lies in the room's document (a contract between client, server and tests).
 *
 * - The records array `tl_records` (RECORDS_ARRAY, y-utility's YKeyValue) holds each record whole,
 *   as it was created or last rewritten: its base.
 * - The map `tl_fields` (FIELDS_MAP, a flat Y.Map) holds the fields that change often, each as a
 *   value of its own under `<record id>@<field>`: a shape's place (`@xy`: [x, y]) and its text
 *   (`@text`: props.richText). Such an entry, when present, wins over the base's copy.
 *
 * So a note move sends one map entry (about 50 B on the wire instead of the whole record's 450),
 * a text edit sends only the text, and a meta change (a sealed text, meta.sealed) is never
 * touched by a move. A stock y-websocket client that writes whole records keeps working: a base
 * written by the server clears the record's field entries (writeRecordWhole), a base written by a
 * client is judged as the record it makes together with the field entries already there.
 * Measured (bench/layoutCost.ts) against nested maps per record: the same stored growth per move
 * (about 9 B, one tombstone), half of what two separate x and y values cost.
 */
export const FIELDS_MAP = 'tl_fields'

/** The fields kept apart from the base, by the suffix of their key. */
export const FIELD_GROUPS = ['xy', 'text'] as const
export type FieldGroup = (typeof FIELD_GROUPS)[number]

export const fieldKey = (id: string, group: FieldGroup) => `${id}@${group}`

/** The record id and field of a key of FIELDS_MAP, or null for a key that is not one. */
export function parseFieldKey(key: string): { id: string; group: FieldGroup } | null {
  const at = key.lastIndexOf('@')
  if (at <= 0) return null
  const group = key.slice(at + 1)
  if (!(FIELD_GROUPS as readonly string[]).includes(group)) return null
  return { id: key.slice(0, at), group: group as FieldGroup }
}

/** Whether a record keeps fields apart at all: shapes only (their place and text change often). */
export const hasFieldEntries = (record: { typeName?: unknown }) => record.typeName === 'shape'

/** The field's value as a record holds it (undefined: the record has no such field). */
export function fieldOf(record: BoardRecord, group: FieldGroup): unknown {
  if (group === 'xy') return [record.x, record.y]
  const props = record.props
  return props && typeof props === 'object' ? (props as Record<string, unknown>).richText : undefined
}

/** Whether a value may stand in the map for this field (anything else is refused by the server). */
export function isFieldValue(group: FieldGroup, value: unknown): boolean {
  if (group === 'xy')
    return (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'number' &&
      typeof value[1] === 'number'
    )
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The record as everyone draws it: its base with its field entries laid over it. Field values
 * that are not of their field's form are ignored (the server refuses them; a reader never trusts).
 */
export function composeRecord(base: BoardRecord, field: (group: FieldGroup) => unknown): BoardRecord {
  if (!hasFieldEntries(base)) return base
  let record = base
  const xy = field('xy')
  if (xy !== undefined && isFieldValue('xy', xy)) {
    const [x, y] = xy as [number, number]
    record = { ...record, x, y }
  }
  const text = field('text')
  if (text !== undefined && isFieldValue('text', text) && record.props && typeof record.props === 'object') {
    record = { ...record, props: { ...record.props, richText: text } }
  }
  return record
}

/**
 * What a writer has to send to turn `current` (what the room holds, composed) into `next`: the
 * field entries that differ, and whether the base must be rewritten (any other field differs).
 * `equal` is the caller's deep equality (tldraw's isEqual in the browser).
 */
export function recordDelta(
  current: BoardRecord | undefined,
  next: BoardRecord,
  equal: (a: unknown, b: unknown) => boolean,
): { base: boolean; fields: FieldGroup[] } {
  if (!current || current.typeName !== next.typeName || !hasFieldEntries(next)) {
    return { base: !current || !equal(current, next), fields: [] }
  }
  const fields = FIELD_GROUPS.filter((group) => !equal(fieldOf(current, group), fieldOf(next, group)))
  const rest = (record: BoardRecord) => {
    const { x: _x, y: _y, props, ...others } = record
    const { richText: _text, ...otherProps } = (props ?? {}) as Record<string, unknown>
    return { ...others, props: otherProps }
  }
  return { base: !equal(rest(current), rest(next)), fields }
}
