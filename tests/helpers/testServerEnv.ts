/**
 * The import code (IMPORT_TOKEN) the test servers start with, unless a test sets its own: an
 * import needs it as a Bearer token (server/src/imports/importGate.ts).
 */
export const TEST_IMPORT_CODE = 'test-import-code-0123456789'
export const importHeaders = { Authorization: `Bearer ${TEST_IMPORT_CODE}` }

/**
 * What every test server starts with unless its test says otherwise: the import code above, and
 * a creation budget no test of something else runs into (a test file makes dozens of meetings
 * from 127.0.0.1 in seconds; tests/server/creationBudget.test.ts sets its own).
 */
export const TEST_SERVER_ENV: Record<string, string> = {
  IMPORT_TOKEN: TEST_IMPORT_CODE,
  LIMIT_CREATE_BURST: '100000',
}
