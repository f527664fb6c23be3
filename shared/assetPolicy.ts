import { DEFAULT_ASSET_LIMITS } from './assetLimits'
import { authorOf } from './boardRecords'
import { deny, type PolicyContext, type RecordChange, type Verdict } from './policyTypes'

export { type AssetLimits, DEFAULT_ASSET_LIMITS } from './assetLimits'

/**
 * Assets (the image behind a pasted picture): an asset comes onto the board only with a shape
 * that shows it, in the same batch (tldraw makes both in one step), so only someone who may place
 * that shape where it lands may add one, and no asset arrives that nobody can see or remove. It is
 * on its author's name; only its author or the begeleider may change or remove it. Its source must
 * be this server or inline image data: an outside URL would make every browser in the meeting
 * fetch from a stranger (and could swap the picture under the facilitator's hands). Its size and
 * the board's total are bounded: every joiner downloads every asset.
 */
export function judgeAsset(
  ctx: PolicyContext,
  { id, prev, next }: RecordChange,
  batch: readonly RecordChange[],
): Verdict {
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
  if (!prev && next && !batch.some((c) => c.next?.typeName === 'shape' && c.next.props?.assetId === id)) {
    return deny(id, {
      nl: 'Een afbeelding kan alleen op het bord komen met de vorm die haar toont.',
      en: 'An image can only come onto the board with the shape that shows it.',
    })
  }
  if (next) return judgeAssetBytes(ctx, id, prev, next, batch)
  return { ok: true }
}

function judgeAssetBytes(
  ctx: PolicyContext,
  id: string,
  prev: RecordChange['prev'],
  next: NonNullable<RecordChange['next']>,
  batch: readonly RecordChange[],
): Verdict {
  const limits = { ...DEFAULT_ASSET_LIMITS, ...ctx.assetLimits }
  const bytes = assetBytes(next)
  if (bytes > limits.maxAssetBytes) {
    const kb = Math.floor(limits.maxAssetBytes / 1024)
    return deny(id, {
      nl: `Deze afbeelding is te groot: hoogstens ${kb} kB. Maak haar kleiner en plak haar opnieuw.`,
      en: `This image is too large: ${kb} kB at most. Make it smaller and paste it again.`,
    })
  }
  // Only what grows the board is judged against its total (a smaller or equal image always may).
  if (!ctx.allAssets || (prev && bytes <= assetBytes(prev))) return { ok: true }
  const inBatch = new Map<string, RecordChange['next']>()
  for (const change of batch)
    if ((change.next ?? change.prev)?.typeName === 'asset') inBatch.set(change.id, change.next)
  let total = 0
  for (const asset of ctx.allAssets()) if (!inBatch.has(asset.id)) total += assetBytes(asset)
  for (const asset of inBatch.values()) if (asset) total += assetBytes(asset)
  if (total > limits.maxMeetingAssetBytes) {
    const mb = Math.round((limits.maxMeetingAssetBytes / 1024 / 1024) * 10) / 10
    return deny(id, {
      nl: `Er staan al zoveel afbeeldingen op dit bord (samen hoogstens ${mb} MB) dat deze er niet meer bij kan. Haal eerst een afbeelding weg.`,
      en: `This board already holds so many images (${mb} MB together at most) that this one does not fit. Remove an image first.`,
    })
  }
  return { ok: true }
}

/** An asset's bytes as every browser downloads them: the text of its sources (inline data). */
export function assetBytes(asset: NonNullable<RecordChange['next']>): number {
  const props = asset.props ?? {}
  let bytes = 0
  for (const field of SOURCE_FIELDS) {
    const value = props[field]
    if (typeof value === 'string') bytes += value.length
  }
  return bytes
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
