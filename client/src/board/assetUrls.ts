import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import englishTranslationUrl from '@tldraw/assets/translations/en.json?url&no-inline'
import type { TLUiAssetUrlOverrides } from 'tldraw'

/**
 * Every asset tldraw loads (fonts, icons, translations, embed icons) served from our own
 * origin, bundled by Vite, instead of tldraw's CDN: the page talks to no other host.
 *
 * The English translation file is tiny, so Vite would inline it as a data: URL; tldraw fetches
 * it, and our Content-Security-Policy (connect-src 'self') forbids fetching data: URLs.
 */
const urls = getAssetUrlsByImport()

export const assetUrls: TLUiAssetUrlOverrides = {
  ...urls,
  translations: { ...urls.translations, en: englishTranslationUrl },
}
