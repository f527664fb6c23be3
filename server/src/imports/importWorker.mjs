// The import's worker thread: TypeScript through tsx (as the server itself runs), then the parser.
import { register } from 'tsx/esm/api'

register()
await import('./importParse.ts')
