import { useEditor, useValue } from 'tldraw'
import { ColumnsOverlay } from '../columns/ColumnsOverlay'
import { QuestionHintOverlay } from '../hints/QuestionHintOverlay'
import { RatingOverlay } from './RatingOverlay'
import { ZoneOverlay } from './ZoneOverlay'

/**
 * What a meeting adds over the canvas: zone states and hints, W/N/K columns, marks. Rendered in front of the
 * shapes (zone frames are opaque) and moved with the camera, so children use page coordinates.
 */
export function MeetingCanvasLayer() {
  const editor = useEditor()
  const camera = useValue('camera', () => editor.getCamera(), [editor])
  return (
    <div className="meeting-canvas-layer">
      <div
        className="meeting-canvas-layer__page"
        style={{ transform: `scale(${camera.z}) translate(${camera.x}px, ${camera.y}px)` }}
      >
        <ZoneOverlay />
        <ColumnsOverlay />
        <RatingOverlay />
        <QuestionHintOverlay />
      </div>
    </div>
  )
}
