import { isEqual, type TLRecord, type TLShape, type TLStore, toRichText } from 'tldraw'
import { drawProblem } from '../../../shared/drawable/drawableRecord'
import { isPlainObject } from '../../../shared/drawable/richTextRules'
import { SHAPE_LIMITS } from '../../../shared/drawable/shapeBounds'

/**
 * What this browser draws for a record from the room that the editor cannot draw (written by an
 * older version, or into storage past the server's rules): a record tldraw's canvas would crash
 * on takes the whole board down for everyone who loads it. A shape becomes a placeholder box in
 * its place, under its own id, so the rest of the board stays usable and the begeleider can
 * select and remove it; the room keeps the original until then (the binding never writes a
 * placeholder back). Other records that cannot be drawn are left out of the store.
 */

/** Marks a placeholder in its meta (for styling and tests); the binding tracks them by id. */
export const PLACEHOLDER_META = 'undrawable'

const W = 300
const H = 110

/** The store's form of a room record: as it is, as a placeholder, or nothing at all. */
export type Drawn = { record: TLRecord; placeholder: boolean } | null

export function drawnRecord(
  store: TLStore,
  record: TLRecord,
  parentExists: (id: string) => boolean,
  fallbackPageId: string,
): Drawn {
  const problem = drawProblem(record)
  if (!problem && validates(store, record)) return { record: legacyNoteFont(record), placeholder: false }
  if (record.typeName !== 'shape') {
    console.warn(
      `Intervisiebord: record ${record.id} from the room cannot be drawn`,
      problem?.code ?? 'invalid',
    )
    return null
  }
  const placeholder = placeholderFor(record, problem?.code ?? 'invalid', parentExists, fallbackPageId)
  if (validates(store, placeholder)) return { record: placeholder, placeholder: true }
  // An index tldraw refuses: stand in at the top of the page instead.
  const onPage = { ...placeholder, index: 'a1', parentId: fallbackPageId, x: 0, y: 0 } as TLShape
  if (validates(store, onPage)) return { record: onPage, placeholder: true }
  // An id tldraw refuses: nothing can stand in its place.
  console.warn(`Intervisiebord: record ${record.id} from the room cannot be drawn nor stood in for`)
  return null
}

export function isPlaceholder(record: TLRecord): boolean {
  return record.typeName === 'shape' && PLACEHOLDER_META in record.meta
}

/**
 * Whether the store's record is the room's as this browser draws it: the same, a placeholder for
 * it, or a tldraw-2 note drawn at its font size. A restart counts the others as lost edits.
 */
export function drawnFromRoom(local: TLRecord, server: unknown): boolean {
  // A placeholder never holds anyone's edit: nothing of it is lost.
  if (isEqual(server, local) || isPlaceholder(local)) return true
  const room = server as TLRecord | undefined
  return room?.typeName === 'shape' && isEqual(legacyNoteFont(room), local)
}

/**
 * tldraw 2 wrote a note's `fontSizeAdjustment` as 0 for "not fitted yet"; tldraw 5 multiplies the
 * font size by it, so such a note (old data, and the server's own case notes) shows no text at
 * all. Drawn here as 1, tldraw 5's own default; the room keeps its record until someone edits it.
 */
function legacyNoteFont(record: TLRecord): TLRecord {
  if (record.typeName !== 'shape' || record.type !== 'note' || record.props.fontSizeAdjustment !== 0)
    return record
  return { ...record, props: { ...record.props, fontSizeAdjustment: 1 } }
}

function validates(store: TLStore, record: TLRecord): boolean {
  try {
    store.schema.types[record.typeName].validate(record as never)
    return true
  } catch {
    return false
  }
}

function placeholderFor(
  original: TLShape,
  code: string,
  parentExists: (id: string) => boolean,
  fallbackPageId: string,
): TLShape {
  const raw = original as unknown as Record<string, unknown>
  const inBounds = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= SHAPE_LIMITS.maxCoordinate
  const parentId =
    typeof raw.parentId === 'string' && parentExists(raw.parentId) ? raw.parentId : fallbackPageId
  const keptParent = parentId === raw.parentId
  const meta = isPlainObject(raw.meta) ? raw.meta : {}
  return {
    id: original.id,
    typeName: 'shape',
    type: 'geo',
    x: keptParent && inBounds(raw.x) ? (raw.x as number) : 0,
    y: keptParent && inBounds(raw.y) ? (raw.y as number) : 0,
    rotation: 0,
    index: typeof raw.index === 'string' ? raw.index : 'a1',
    parentId,
    isLocked: false,
    opacity: 1,
    // Its author stays its author, so the rules judge its removal as the server will.
    meta: { ...meta, [PLACEHOLDER_META]: code },
    props: {
      geo: 'rectangle',
      dash: 'dashed',
      url: '',
      w: W,
      h: H,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'red',
      fill: 'semi',
      size: 's',
      font: 'sans',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText('Dit element kan niet worden getoond.\nThis element cannot be shown.'),
    },
  } as unknown as TLShape
}
