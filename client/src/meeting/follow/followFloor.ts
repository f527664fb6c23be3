import type { Box, Editor } from 'tldraw'
import { READABLE_ZOOM } from '../layout/cameraFit'

/**
 * Following never shows the board smaller than this: below it nobody reads a note. When the
 * facilitator looks at more (the whole board), followers see the part around the centre of the
 * facilitator's view at this zoom, and can look around themselves.
 */
export const FOLLOW_MIN_ZOOM = READABLE_ZOOM

/**
 * The page area a follower shows for the leader's `view` on a screen `screenWidth` px wide: the
 * same area while that is readable, else the area around its centre that is at `minZoom`.
 */
export function readableFollowView(view: Box, screenWidth: number, minZoom = FOLLOW_MIN_ZOOM): Box {
  if (view.width <= 0 || screenWidth / view.width >= minZoom) return view
  const shown = view.clone()
  const scale = screenWidth / minZoom / view.width
  const center = view.center
  shown.width = view.width * scale
  shown.height = view.height * scale
  shown.center = center
  return shown
}

/**
 * Puts the floor under tldraw's following. tldraw computes the follower's camera (both while
 * chasing and once locked on) from `getViewportPageBoundsForFollowing`, and offers no option for a
 * smallest zoom there; this editor's method is wrapped. Returns the function that unwraps it.
 */
export function keepFollowingReadable(editor: Editor): () => void {
  // Marked private in tldraw's types: reached through a cast.
  const following = editor as unknown as FollowingBounds
  const own = following.getViewportPageBoundsForFollowing
  following.getViewportPageBoundsForFollowing = () => {
    const view = own.call(editor)
    return view ? readableFollowView(view, editor.getViewportScreenBounds().width) : view
  }
  return () => {
    following.getViewportPageBoundsForFollowing = own
  }
}

interface FollowingBounds {
  getViewportPageBoundsForFollowing(): Box | null
}
