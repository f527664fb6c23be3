/**
 * The page's Content-Security-Policy forbids eval. Zod probes for it with `new Function` when a
 * schema is built (caught, but still reported as a violation) to compile faster parsers. Jitless,
 * it only interprets. main.tsx imports it first, before anything that builds schemas.
 *
 * Zod keeps its settings on `globalThis.__zod_globalConfig` and adopts an object already there, so
 * this sets jitless without importing zod: the initial load carries no zod at all (only the new
 * meeting page, which checks templates, fetches it).
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true }
