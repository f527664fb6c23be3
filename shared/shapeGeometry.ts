import type { BoardRecord } from './boardRecord'
import { type BoundEnd, drawnExtent, type EndResolver, num } from './drawnExtent'

/**
 * Where a shape is drawn, from plain record JSON (no tldraw import: the server runs this on
 * records a client sent). tldraw keeps a child's x, y and rotation in its parent's space, so a
 * shape's page position is its own transform composed with every ancestor's (groups, frames,
 * zone frames included), up to the page.
 *
 * What a shape draws in its own space is drawnExtent.ts (every point of a stroke, both ends of
 * an arrow and its label, wrapped text, scale); a group draws its children: the box around its
 * children's boxes, each child's box turned by its own rotation (tldraw unions the children's
 * outlines, so for rotated children the box may be slightly larger than tldraw's). The page
 * outline of a shape is its own box's four corners carried through the transforms.
 *
 * The input is hostile: nothing here recurses. Parent chains and group subtrees are walked with
 * explicit stacks under hard bounds, and any chain that does not end at a page is a problem the
 * rules refuse, never "the free area".
 */

/** At most this many groups/frames above a shape (and below a group). */
export const MAX_PARENT_DEPTH = 32
/** At most this many shapes inside one group or frame, all levels counted. */
export const MAX_CONTAINED_SHAPES = 1000

/** The board as the geometry needs it: records by id, and the shapes directly under a parent. */
export interface ShapeWorld {
  get(id: string): BoardRecord | undefined
  /** Shapes whose parentId is `parentId` (may be a superset: it is filtered here). */
  children(parentId: string): Iterable<BoardRecord>
  /**
   * Optional: the bindings whose fromId is `shapeId` (may be a superset: filtered here). Without
   * it an arrow is drawn from its own props only, as if unbound.
   */
  bindingsFrom?(shapeId: string): Iterable<BoardRecord>
  /** Optional: the bindings whose toId is `shapeId` (may be a superset). */
  bindingsTo?(shapeId: string): Iterable<BoardRecord>
}

/** Why a shape's place cannot be known; the rules refuse the change. */
export type PlacementProblem =
  | 'missingParent' // parent id names nothing
  | 'badParent' // parent is not the page, a group or a frame
  | 'cycle' // the shape is its own ancestor
  | 'tooDeep' // more than MAX_PARENT_DEPTH containers
  | 'tooManyShapes' // a group or frame holding more than MAX_CONTAINED_SHAPES
  | 'badNumber' // a position, angle or size that is not a finite number
  | 'tooManyPoints' // a stroke, line or text too large to measure
  | 'crossesZone' // drawn partly in a zone and partly outside it (zoneOfShape)

export type Placed<T> = { ok: true; value: T } | { ok: false; problem: PlacementProblem }

interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}
interface Transform {
  x: number
  y: number
  rotation: number
}

/** Shape types that may hold other shapes, as in tldraw's default shapes. */
export function isContainer(record: BoardRecord): boolean {
  return record.typeName === 'shape' && (record.type === 'group' || record.type === 'frame')
}

export interface PagePoint {
  x: number
  y: number
}

/** The page-space centre of a shape's drawn box, or why it cannot be placed. */
export function shapePageCentre(record: BoardRecord, world: ShapeWorld): Placed<PagePoint> {
  const outline = shapePageOutline(record, world)
  if (!outline.ok) return outline
  // Rotation and translation keep a rectangle's centre the middle of its opposite corners.
  const [a, , c] = outline.value
  return { ok: true, value: { x: (a!.x + c!.x) / 2, y: (a!.y + c!.y) / 2 } }
}

/**
 * The four page-space corners of everything a shape draws (its own box carried through its
 * rotation and every ancestor's transform), in order round the box, or why it cannot be placed.
 */
export function shapePageOutline(record: BoardRecord, world: ShapeWorld): Placed<PagePoint[]> {
  const ancestors = ancestorsOf(record, world)
  if (!ancestors.ok) return ancestors
  const box = record.type === 'group' ? groupBox(record, world) : ownBox(record, world)
  if (!box.ok) return box
  const out: PagePoint[] = []
  for (const corner of corners(box.value)) {
    let [x, y] = [corner.x, corner.y]
    for (const shape of [record, ...ancestors.value]) {
      const t = localTransform(shape)
      if (!t) return fail('badNumber')
      ;[x, y] = apply(t, x, y)
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) return fail('badNumber')
    out.push({ x, y })
  }
  return { ok: true, value: out }
}

/** The containers above a shape, nearest first, up to (not including) its page. */
export function ancestorsOf(record: BoardRecord, world: ShapeWorld): Placed<BoardRecord[]> {
  const chain: BoardRecord[] = []
  const seen = new Set<string>([record.id])
  let parentId: unknown = record.parentId
  for (;;) {
    if (typeof parentId !== 'string') return fail('missingParent')
    const parent = world.get(parentId)
    if (!parent) return fail('missingParent')
    if (parent.id !== parentId) return fail('badParent')
    if (parent.typeName === 'page') return { ok: true, value: chain }
    if (!isContainer(parent)) return fail('badParent')
    if (seen.has(parentId)) return fail('cycle')
    if (chain.length >= MAX_PARENT_DEPTH) return fail('tooDeep')
    seen.add(parentId)
    chain.push(parent)
    parentId = parent.parentId
  }
}

/** Every shape below a container, breadth first, bounded in depth and count. */
export function descendantsOf(record: BoardRecord, world: ShapeWorld): Placed<BoardRecord[]> {
  const found: BoardRecord[] = []
  const seen = new Set<string>([record.id])
  let level: BoardRecord[] = [record]
  for (let depth = 0; level.length > 0; depth++) {
    const nextLevel: BoardRecord[] = []
    for (const parent of level) {
      const kids = childrenOf(parent, world, seen, MAX_CONTAINED_SHAPES - found.length)
      if (!kids.ok) return kids
      // A shape this far down has more containers above it than any shape may have.
      if (kids.value.length > 0 && depth + 1 > MAX_PARENT_DEPTH) return fail('tooDeep')
      for (const kid of kids.value) {
        found.push(kid)
        if (isContainer(kid)) nextLevel.push(kid)
      }
    }
    level = nextLevel
  }
  return { ok: true, value: found }
}

/** A group's box in its own space: its children's boxes joined, walked bottom-up with a stack. */
function groupBox(group: BoardRecord, world: ShapeWorld): Placed<Box> {
  interface Frame {
    shape: BoardRecord
    kids: BoardRecord[]
    next: number
    box: Box | null
  }
  const seen = new Set<string>([group.id])
  let budget = MAX_CONTAINED_SHAPES
  const open = (shape: BoardRecord): Placed<Frame> => {
    const kids = childrenOf(shape, world, seen, budget)
    if (!kids.ok) return kids
    budget -= kids.value.length
    return { ok: true, value: { shape, kids: kids.value, next: 0, box: null } }
  }
  const root = open(group)
  if (!root.ok) return root
  const stack: Frame[] = [root.value]
  for (;;) {
    const top = stack[stack.length - 1]!
    const kid = top.kids[top.next++]
    if (kid?.type === 'group') {
      if (stack.length >= MAX_PARENT_DEPTH) return fail('tooDeep')
      const frame = open(kid)
      if (!frame.ok) return frame
      stack.push(frame.value)
      continue
    }
    const closing = kid === undefined
    // A closed group's box is measured like any child; an empty group is its origin point.
    const box = closing ? { ok: true as const, value: top.box ?? POINT } : ownBox(kid, world)
    if (!box.ok) return box
    if (closing) stack.pop()
    const holder = closing ? stack[stack.length - 1] : top
    if (!holder) return box
    const t = localTransform(closing ? top.shape : kid)
    if (!t) return fail('badNumber')
    holder.box = join(holder.box, turnBox(box.value, t))
  }
}

/** The shapes directly under `parent`, unseen ones only, at most `limit` of them. */
function childrenOf(
  parent: BoardRecord,
  world: ShapeWorld,
  seen: Set<string>,
  limit: number,
): Placed<BoardRecord[]> {
  const kids: BoardRecord[] = []
  for (const kid of world.children(parent.id)) {
    if (kid.typeName !== 'shape' || kid.parentId !== parent.id || seen.has(kid.id)) continue
    if (kids.length >= limit) return fail('tooManyShapes')
    seen.add(kid.id)
    kids.push(kid)
  }
  return { ok: true, value: kids }
}

const POINT: Box = { minX: 0, minY: 0, maxX: 0, maxY: 0 }
/** At most this many bindings from one arrow (tldraw makes one per end). */
export const MAX_ARROW_BINDINGS = 8

/**
 * A shape's drawn box in its own space (groups aside: see groupBox). An arrow's bound ends are
 * drawn on the shapes they are bound to, wherever those are now; a bound shape's own bindings
 * are not followed (an arrow binds to shapes, not to arrows), so this never recurses.
 */
function ownBox(record: BoardRecord, world: ShapeWorld | null): Placed<Box> {
  const ends = record.type === 'arrow' && world?.bindingsFrom ? boundEnds(record, world) : null
  if (ends && !ends.ok) return ends
  const extent = drawnExtent(record, ends?.value ?? null)
  return extent.ok ? extent : fail(extent.problem)
}

/** Where an arrow's bound ends are drawn, in the arrow's own space. */
function boundEnds(arrow: BoardRecord, world: ShapeWorld): Placed<EndResolver> {
  const chain = ancestorsOf(arrow, world)
  if (!chain.ok) return chain
  const found: Partial<Record<'start' | 'end', BoundEnd>> = {}
  let count = 0
  for (const binding of world.bindingsFrom?.(arrow.id) ?? []) {
    if (binding.typeName !== 'binding' || binding.fromId !== arrow.id) continue
    if (++count > MAX_ARROW_BINDINGS) return fail('tooManyShapes')
    const props = (binding.props ?? {}) as {
      terminal?: unknown
      normalizedAnchor?: unknown
      isPrecise?: unknown
    }
    const terminal = props.terminal === 'start' || props.terminal === 'end' ? props.terminal : null
    const target = typeof binding.toId === 'string' ? world.get(binding.toId) : undefined
    // An end bound to nothing drawable is drawn where its props say (tldraw unbinds it).
    if (!terminal || !target || target.typeName !== 'shape' || isContainer(target) || target.type === 'arrow')
      continue
    const drawn = boundEnd(target, props, [arrow, ...chain.value], world)
    if (!drawn.ok) return drawn
    const other = found[terminal]
    // Two bindings on one end: tldraw draws one; both targets are kept, so either is covered.
    found[terminal] = other
      ? { anchor: other.anchor, target: [...other.target, ...drawn.value.target] }
      : drawn.value
  }
  return { ok: true, value: (terminal) => found[terminal] ?? null }
}

/** The anchor (clamped into the target as tldraw clamps it) and the target's corners, in the arrow's space. */
function boundEnd(
  target: BoardRecord,
  props: { normalizedAnchor?: unknown; isPrecise?: unknown },
  arrowChain: readonly BoardRecord[],
  world: ShapeWorld,
): Placed<BoundEnd> {
  const targetChain = ancestorsOf(target, world)
  if (!targetChain.ok) return targetChain
  const box = ownBox(target, null)
  if (!box.ok) return box
  const anchor = props.normalizedAnchor as { x?: unknown; y?: unknown } | undefined
  const precise = props.isPrecise === true
  const unit = (v: unknown) =>
    precise && typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5
  const b = box.value
  const local = [
    { x: b.minX + unit(anchor?.x) * (b.maxX - b.minX), y: b.minY + unit(anchor?.y) * (b.maxY - b.minY) },
    ...corners(b),
  ]
  const toPage = [target, ...targetChain.value]
  const inArrow: Array<{ x: number; y: number }> = []
  for (const p of local) {
    let [x, y] = [p.x, p.y]
    for (const shape of toPage) {
      const t = localTransform(shape)
      if (!t) return fail('badNumber')
      ;[x, y] = apply(t, x, y)
    }
    for (let i = arrowChain.length - 1; i >= 0; i--) {
      const t = localTransform(arrowChain[i]!)
      if (!t) return fail('badNumber')
      ;[x, y] = unapply(t, x, y)
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) return fail('badNumber')
    inArrow.push({ x, y })
  }
  return { ok: true, value: { anchor: inArrow[0]!, target: inArrow.slice(1) } }
}

function corners(b: Box): Array<{ x: number; y: number }> {
  return [
    { x: b.minX, y: b.minY },
    { x: b.maxX, y: b.minY },
    { x: b.maxX, y: b.maxY },
    { x: b.minX, y: b.maxY },
  ]
}

function localTransform(record: BoardRecord): Transform | null {
  const x = num(record.x, 0)
  const y = num(record.y, 0)
  const rotation = num(record.rotation, 0)
  return x === null || y === null || rotation === null ? null : { x, y, rotation }
}

/** A point in a parent's space carried back into the shape's own space (apply undone). */
function unapply(t: Transform, px: number, py: number): [number, number] {
  const cos = Math.cos(t.rotation)
  const sin = Math.sin(t.rotation)
  const dx = px - t.x
  const dy = py - t.y
  return [dx * cos + dy * sin, -dx * sin + dy * cos]
}

/** A point in a shape's space carried into its parent's space: rotate, then translate. */
function apply(t: Transform, px: number, py: number): [number, number] {
  const cos = Math.cos(t.rotation)
  const sin = Math.sin(t.rotation)
  return [t.x + px * cos - py * sin, t.y + px * sin + py * cos]
}

/** The box around a child's box once carried into its parent's space. */
function turnBox(b: Box, t: Transform): Box {
  const corners = [
    apply(t, b.minX, b.minY),
    apply(t, b.maxX, b.minY),
    apply(t, b.maxX, b.maxY),
    apply(t, b.minX, b.maxY),
  ]
  const xs = corners.map((c) => c[0])
  const ys = corners.map((c) => c[1])
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) }
}

function join(a: Box | null, b: Box): Box {
  if (!a) return b
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }
}

function fail(problem: PlacementProblem): { ok: false; problem: PlacementProblem } {
  return { ok: false, problem }
}
