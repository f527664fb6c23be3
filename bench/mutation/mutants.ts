import ts from 'typescript'

/** One one-token change of a source file, as the mutation run applies it. */
export interface Mutant {
  file: string
  /** 1-based line and column of the change. */
  line: number
  column: number
  start: number
  end: number
  original: string
  replacement: string
  operator: string
}

const FLIPPED: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.LessThanToken]: '<=',
  [ts.SyntaxKind.LessThanEqualsToken]: '<',
  [ts.SyntaxKind.GreaterThanToken]: '>=',
  [ts.SyntaxKind.GreaterThanEqualsToken]: '>',
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: '!==',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: '===',
  [ts.SyntaxKind.EqualsEqualsToken]: '!=',
  [ts.SyntaxKind.ExclamationEqualsToken]: '==',
  [ts.SyntaxKind.AmpersandAmpersandToken]: '||',
  [ts.SyntaxKind.BarBarToken]: '&&',
}

/**
 * Every mutant of one file: comparison operators flipped (< ↔ <=, === ↔ !==), && ↔ ||, true ↔
 * false, a `!` removed, a number literal one higher, a return value replaced. Found on the
 * syntax tree, so nothing in a string, a comment or a type is touched, and each mutant is one
 * token on one line (a caller applies them one at a time).
 */
export function mutantsOf(file: string, source: string): Mutant[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: Mutant[] = []
  const add = (start: number, end: number, replacement: string, operator: string) => {
    const original = source.slice(start, end)
    if (original.includes('\n')) return // one line only: a survivor is then named by one line
    const at = tree.getLineAndCharacterOfPosition(start)
    found.push({
      file,
      line: at.line + 1,
      column: at.character + 1,
      start,
      end,
      original,
      replacement,
      operator,
    })
  }
  const visit = (node: ts.Node): void => {
    // Types, imports and declarations only for the compiler run nothing: no mutant there.
    if (
      ts.isTypeNode(node) ||
      ts.isImportDeclaration(node) ||
      ts.isExportDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node)
    )
      return
    if (ts.isBinaryExpression(node)) {
      const flipped = FLIPPED[node.operatorToken.kind]
      if (flipped) add(node.operatorToken.getStart(), node.operatorToken.end, flipped, 'operator')
    } else if (node.kind === ts.SyntaxKind.TrueKeyword) {
      add(node.getStart(), node.end, 'false', 'boolean')
    } else if (node.kind === ts.SyntaxKind.FalseKeyword) {
      add(node.getStart(), node.end, 'true', 'boolean')
    } else if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      const operand = node.operand
      // `!!x` stays a double negation's job; removing one `!` of it is the same as adding one.
      if (!(ts.isPrefixUnaryExpression(operand) && operand.operator === ts.SyntaxKind.ExclamationToken))
        add(node.getStart(), operand.getStart(), '', 'negation')
    } else if (ts.isNumericLiteral(node) && !isPropertyKey(node)) {
      const value = Number(node.text)
      if (Number.isFinite(value)) add(node.getStart(), node.end, String(value + 1), 'number')
    } else if (ts.isReturnStatement(node) && node.expression) {
      const value = node.expression
      const isLiteral =
        value.kind === ts.SyntaxKind.TrueKeyword ||
        value.kind === ts.SyntaxKind.FalseKeyword ||
        ts.isNumericLiteral(value)
      // Literals already have their own mutants; `undefined` for anything else (but null: both
      // mean "none" to nearly every caller, so that mutant would say little).
      const none = value.kind === ts.SyntaxKind.NullKeyword || value.getText() === 'undefined'
      if (!isLiteral && !none)
        add(value.getStart(), value.end, ts.isArrayLiteralExpression(value) ? '[]' : 'undefined', 'return')
    }
    ts.forEachChild(node, visit)
  }
  visit(tree)
  return found
}

/** `{ 0: … }`, `case 1:` stays; a key is a name, not a value. */
function isPropertyKey(node: ts.Node): boolean {
  const parent = node.parent as ts.Node & { name?: ts.Node }
  return parent !== undefined && parent.name === node
}

/** `source` with the mutant applied. */
export function applyMutant(source: string, mutant: Mutant): string {
  return source.slice(0, mutant.start) + mutant.replacement + source.slice(mutant.end)
}

/** A small seeded generator (mulberry32): the same seed picks the same mutants. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Up to `count` of `items`, picked by `random`, kept in their order. */
export function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  if (items.length <= count) return [...items]
  const indexes = items.map((_, i) => i)
  for (let i = indexes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!]
  }
  return indexes
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => items[i]!)
}
