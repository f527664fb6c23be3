import { type Atom, type Editor, react } from 'tldraw'
import { fitBoard, fitZones } from '../canvas/fitBoard'
import type { MeetingState } from '../meetingState'
import { zonesInView } from './zonesInView'

/**
 * Each phase brings its zones into view at a readable size (see zonesInView and fitZones); the
 * whole board is shown before the start, after the end, and when the person asks for it. The view
 * is set again when the phase, the person's role or the choice changes, and when the canvas
 * changes size while the person has not moved the board themself. Someone following the
 * facilitator keeps following: the facilitator's own view moves with the phase.
 * Returns the stop function.
 */
export function keepPhaseInView(
  editor: Editor,
  meeting: MeetingState,
  $wholeBoard: Atom<boolean>,
): () => void {
  let shown = { key: '', x: Number.NaN, y: Number.NaN, z: Number.NaN, w: 0, h: 0 }
  let queued = false

  const zonesNow = (): string[] => {
    const view = meeting.$view.get()
    if (!view || view.progress.finished || $wholeBoard.get()) return []
    return zonesInView(meeting.template, view.progress.phaseIndex, meeting.me()?.role ?? null)
  }
  const phaseNow = () => {
    const progress = meeting.$view.get()?.progress
    return progress ? `${progress.phaseIndex}.${progress.round}.${progress.finished}` : 'loading'
  }
  const keyNow = () => [phaseNow(), meeting.me()?.role ?? '', $wholeBoard.get() ? 'board' : 'phase'].join('|')
  const show = (key: string) => {
    queued = false
    const zones = zonesNow()
    if (zones.length > 0) fitZones(editor, meeting, zones)
    else fitBoard(editor, meeting.template)
    const camera = editor.getCamera()
    const viewport = editor.getViewportScreenBounds()
    shown = { key, x: camera.x, y: camera.y, z: camera.z, w: viewport.w, h: viewport.h }
  }

  let wholeBefore = $wholeBoard.get()
  let phaseBefore = phaseNow()
  return react('keep the phase in view', () => {
    const phase = phaseNow()
    if (phase !== phaseBefore && $wholeBoard.get()) {
      // A new phase brings its own zones into view, also for whoever was looking at the whole board.
      phaseBefore = phase
      queueMicrotask(() => $wholeBoard.set(false))
      return
    }
    phaseBefore = phase
    const key = keyNow()
    const whole = $wholeBoard.get()
    const viewport = editor.getViewportScreenBounds()
    const camera = editor.getCamera()
    const following = editor.getInstanceState().followingUserId !== null
    const asked = whole !== wholeBefore
    wholeBefore = whole
    const untouched = camera.x === shown.x && camera.y === shown.y && camera.z === shown.z
    const resized = viewport.w !== shown.w || viewport.h !== shown.h
    let due = false
    if (key !== shown.key) {
      // The person's own choice wins over following; a new phase does not.
      due = asked || !following
      if (!due) shown = { ...shown, key }
    } else if (resized && untouched && !following) due = true
    if (due && !queued) {
      queued = true
      // Outside the reaction: moving the camera changes what this reaction reads.
      queueMicrotask(() => show(key))
    }
  })
}
