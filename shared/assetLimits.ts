/** Sizes of images on a meeting's board (LIMIT_ASSET_BYTES, LIMIT_MEETING_ASSET_BYTES). */
export interface AssetLimits {
  /** Bytes of one asset's image data (an inline `data:` URL is its bytes as text). */
  maxAssetBytes: number
  /** Bytes of all assets of the board together: every joiner downloads all of them. */
  maxMeetingAssetBytes: number
}

export const DEFAULT_ASSET_LIMITS: Readonly<AssetLimits> = {
  maxAssetBytes: 1024 * 1024,
  maxMeetingAssetBytes: 10 * 1024 * 1024,
}
