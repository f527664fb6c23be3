import { createTLSchema } from '@tldraw/tlschema'
import { type BoardRecord, PAGE_ID, shapeWorld } from '../../shared/boardRecords'
import type { ShapeWorld } from '../../shared/shapeGeometry'

/**
 * Groups, frames and images for the rule tests, in tldraw v5's record format (checked with
 * tldraw's own schema, so the rules are tested on what the editor really sends).
 */
const schema = createTLSchema()

interface Placement {
  x?: number
  y?: number
  rotation?: number
  parentId?: string
  authorId?: string
}

function base(id: string, type: string, p: Placement) {
  return {
    id,
    typeName: 'shape',
    type,
    x: p.x ?? 0,
    y: p.y ?? 0,
    rotation: p.rotation ?? 0,
    index: 'a5',
    parentId: p.parentId ?? PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: p.authorId ? { authorId: p.authorId } : {},
  }
}

export function groupRecord(id: string, p: Placement = {}): BoardRecord {
  const record = { ...base(id, 'group', p), props: {} }
  schema.types.shape.validate(record as never)
  return record
}

export function frameRecord(id: string, w: number, h: number, p: Placement = {}): BoardRecord {
  const record = { ...base(id, 'frame', p), props: { w, h, name: '', color: 'black' } }
  schema.types.shape.validate(record as never)
  return record
}

/** An image asset as the editor makes one for a pasted picture (inline data by default). */
export function imageAsset(id: string, authorId: string | null, src: string | null): BoardRecord {
  const record = {
    id,
    typeName: 'asset',
    type: 'image',
    props: { w: 10, h: 10, name: 'foto.png', isAnimated: false, mimeType: 'image/png', src },
    meta: authorId ? { authorId } : {},
  }
  return record
}

/** An image shape showing `assetId`, as the editor makes one for a pasted picture. */
export function imageShape(id: string, assetId: string, p: Placement = {}): BoardRecord {
  const record = {
    ...base(id, 'image', p),
    props: {
      w: 100,
      h: 80,
      playing: true,
      url: '',
      assetId,
      crop: null,
      flipX: false,
      flipY: false,
      altText: '',
    },
  }
  schema.types.shape.validate(record as never)
  return record
}

/** A board of the page plus the given records, as the geometry reads it. */
export function worldOf(records: BoardRecord[]): ShapeWorld {
  const byId = new Map<string, BoardRecord>([[PAGE_ID, { id: PAGE_ID, typeName: 'page', meta: {} }]])
  for (const r of records) byId.set(r.id, r)
  return shapeWorld(
    (id) => byId.get(id),
    () => [...byId.values()].filter((r) => r.typeName === 'shape'),
  )
}
