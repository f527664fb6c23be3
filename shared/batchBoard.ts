import type { ShapeWorld } from './shapeGeometry'

/** The board before and after the batch being judged, as the shape rules see it. */
export interface BatchBoard {
  before: ShapeWorld
  after: ShapeWorld
  inBatch: (id: string) => boolean
  /** Shapes this batch creates (the client's store may hold them already when it judges). */
  createdInBatch: (id: string) => boolean
  /** Shapes each zone gains in this batch, per zone, for the quota. */
  addedPerZone: Map<string, number>
  /**
   * Shapes already judged without a change of their own (judged once): carried along by a moved
   * group or frame, or an arrow drawn elsewhere because its bindings changed (bindingPolicy.ts).
   */
  carried: Set<string>
}
