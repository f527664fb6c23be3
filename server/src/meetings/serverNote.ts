import { type BoardRecord, PAGE_ID } from '../../../shared/boardRecords'
import type { Rect } from '../../../shared/slots'

/**
 * A note the server itself puts on the board (a case sent in beforehand, a revealed draft), as
 * tldraw 5 draws a fresh note: `fontSizeAdjustment` 1 is tldraw's default (0 would draw its text
 * at 0 px until a browser fits it).
 */
export function serverNote(
  id: string,
  slot: Rect,
  meta: BoardRecord['meta'],
  richText: unknown,
): BoardRecord {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x: slot.x,
    y: slot.y,
    rotation: 0,
    index: 'a5',
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: meta ?? {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText,
      scale: 1,
      textLastEditedBy: null,
    },
  }
}
