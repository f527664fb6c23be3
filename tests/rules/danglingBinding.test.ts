import { describe, expect, it } from 'vitest'
import { type BoardRecord, PAGE_ID, shapeWorld } from '../../shared/boardRecords'
import { shapePageOutline } from '../../shared/shapeGeometry'
import { arrowBinding, arrowShape } from '../helpers/drawnShapes'
import { noteRecord } from '../helpers/records'

/**
 * An arrow's end bound to nothing drawable (a shape that is gone, an end that is neither start
 * nor end) is drawn where the arrow's own props put it, as tldraw does once it unbinds it; the
 * geometry never stops on it (the server reads it for every judged update).
 */
function world(records: BoardRecord[]) {
  const byId = new Map<string, BoardRecord>([[PAGE_ID, { id: PAGE_ID, typeName: 'page', meta: {} }]])
  for (const r of records) byId.set(r.id, r)
  const all = [...byId.values()]
  return shapeWorld(
    (id) => byId.get(id),
    () => all.filter((r) => r.typeName === 'shape'),
    () => all.filter((r) => r.typeName === 'binding'),
  )
}

const arrow = arrowShape(
  'shape:arrow',
  { x: 100, y: 100, authorId: 'dirk' },
  { x: 0, y: 0 },
  { x: 120, y: 0 },
)
const note = noteRecord({ id: 'shape:note', x: 600, y: 600, authorId: 'dirk', text: 'ver weg' })
const unbound = shapePageOutline(arrow, world([arrow]))

describe('an arrow bound to nothing drawable', () => {
  it('is drawn as unbound when its binding names a shape that is gone', () => {
    expect(unbound.ok).toBe(true)
    const gone = arrowBinding('binding:gone', arrow.id, 'shape:gone', 'end')
    expect(shapePageOutline(arrow, world([arrow, gone]))).toEqual(unbound)
  })

  it('is drawn as unbound when its binding names no end', () => {
    const odd = { ...arrowBinding('binding:odd', arrow.id, note.id, 'end'), props: { terminal: 'middle' } }
    expect(shapePageOutline(arrow, world([arrow, note, odd]))).toEqual(unbound)
  })

  it('is drawn to the shape when the binding is sound', () => {
    const bound = arrowBinding('binding:ok', arrow.id, note.id, 'end')
    expect(shapePageOutline(arrow, world([arrow, note, bound]))).not.toEqual(unbound)
  })
})
