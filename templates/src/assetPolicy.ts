import { authorOf } from './boardRecords'
import { deny, type PolicyContext, type RecordChange, type Verdict } from './policyTypes'

/**
 * Assets (the image behind a pasted picture): anyone who may write on the board may add one, on
 * their own name; only its author or the begeleider may change or remove it. Its source must be
 * this server or inline image data: an outside URL would make every browser in the meeting
 * fetch from a stranger (and could swap the picture under the facilitator's hands).
 */
export function judgeAsset(ctx: PolicyContext, { id, prev, next }: RecordChange): Verdict {
  const me = ctx.actor.participantId
  if (prev && next && authorOf(prev) !== authorOf(next)) {
    return deny(id, {
      nl: 'Wie een afbeelding op het bord zette, kan niet veranderen.',
      en: 'Who put an image on the board cannot change.',
    })
  }
  if (!prev && next && authorOf(next) !== me) {
    return deny(id, {
      nl: 'Een nieuwe afbeelding moet op jouw naam staan.',
      en: 'A new image must carry your name as its author.',
    })
  }
  if (prev && authorOf(prev) !== me && ctx.actor.role !== 'begeleider') {
    return deny(
      id,
      next
        ? { nl: 'Je kunt alleen je eigen afbeeldingen wijzigen.', en: 'You can only change your own images.' }
        : {
            nl: 'Je kunt alleen je eigen afbeeldingen weghalen.',
            en: 'You can only remove your own images.',
          },
    )
  }
  if (next && !assetSourcesAllowed(next)) {
    return deny(id, {
      nl: 'Een afbeelding moet van dit bord zelf komen (geplakt of geüpload), niet van een andere website.',
      en: 'An image must come from this board itself (pasted or uploaded), not from another website.',
    })
  }
  return { ok: true }
}

/** Asset fields that hold an address the browser loads (image, video; a bookmark's picture). */
const SOURCE_FIELDS = ['src', 'image', 'favicon'] as const

function assetSourcesAllowed(asset: RecordChange['next'] & object): boolean {
  const props = asset.props ?? {}
  return SOURCE_FIELDS.every((field) => isOwnOrInlineSource(props[field]))
}

/**
 * Our own origin (a path with one leading "/") or inline image data; empty or null (not loaded
 * yet) too. Never another host: not http(s), not "//host", not "/\host" (browsers read it as
 * "//host"), not a path with tabs or line breaks (browsers drop those, which can make "//").
 */
export function isOwnOrInlineSource(src: unknown): boolean {
  if (src === undefined || src === null || src === '') return true
  if (typeof src !== 'string') return false
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(src)) return true
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(src)) return false
  return /^\/(?![/\\])/.test(src)
}
