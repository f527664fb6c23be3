/**
 * The import code (IMPORT_TOKEN) the test servers start with, unless a test sets its own: an
 * import needs it as a Bearer token (server/src/imports/importGate.ts).
 */
export const TEST_IMPORT_CODE = 'test-import-code-0123456789'
export const importHeaders = { Authorization: `Bearer ${TEST_IMPORT_CODE}` }
