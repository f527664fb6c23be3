import { z } from 'zod'

/**
 * The page's Content-Security-Policy forbids eval. Zod probes for it with `new Function` when a
 * schema is built (caught, but still reported as a violation) to compile faster parsers. Jitless,
 * it only interprets. main.tsx imports it first, before anything that builds schemas (templates/src/schema.ts).
 */
z.config({ jitless: true })
