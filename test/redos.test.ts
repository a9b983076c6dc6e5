/**
 * Every regular expression in the library runs on text an attacker may control. This test finds
 * each one (regex literals and `RegExp(...)` calls with literal arguments) by parsing src/ with the
 * TypeScript compiler, and asks recheck whether it can backtrack super-linearly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { check, type Diagnostics } from 'recheck';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIR = join(REPO_ROOT, 'src');

/**
 * Per-pattern analysis budget. Most patterns take milliseconds; a long case-insensitive alternation
 * with non-ASCII letters takes about 10 s on a loaded 2-core machine. A timeout is a failure.
 */
const CHECK_TIMEOUT_MS = 60_000;

/** Vitest's own limit per pattern, above the checker's budget so the checker's verdict is what fails. */
const TEST_TIMEOUT_MS = CHECK_TIMEOUT_MS + 30_000;

interface FoundPattern {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function literalText(node: ts.Expression | undefined): string | null {
  if (node === undefined) return '';
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

/** Regex literals and `new RegExp('…', '…')` / `RegExp('…')` whose arguments are literals. */
export function findPatterns(path: string, text: string): FoundPattern[] {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: FoundPattern[] = [];
  const file = relative(REPO_ROOT, path);
  const lineOf = (node: ts.Node): number => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sourceFile);
      const lastSlash = literal.lastIndexOf('/');
      found.push({ file, line: lineOf(node), source: literal.slice(1, lastSlash), flags: literal.slice(lastSlash + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
      const source = literalText(args[0]);
      const flags = literalText(args[1]);
      if (args[0] !== undefined && source !== null && flags !== null) found.push({ file, line: lineOf(node), source, flags });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function describeVulnerability(pattern: FoundPattern, result: Diagnostics): string {
  const where = `${pattern.file}:${pattern.line} /${pattern.source}/${pattern.flags}`;
  if (result.status === 'vulnerable') {
    return `${where} is ReDoS-vulnerable (${result.complexity.summary}); attack string: ${result.attack.pattern}`;
  }
  if (result.status === 'unknown') {
    const detail = 'message' in result.error ? `${result.error.kind}: ${result.error.message}` : result.error.kind;
    return `${where} could not be proven safe (${detail})`;
  }
  return `${where} is safe`;
}

const patterns = sourceFiles(SOURCE_DIR).flatMap((path) => findPatterns(path, readFileSync(path, 'utf8')));

describe('ReDoS: every regular expression in src/ is safe', () => {
  it('finds regular expressions to check (the scan itself works)', () => {
    const sample = findPatterns(join(SOURCE_DIR, 'x.ts'), "const a = /(a+)+$/i; const b = new RegExp('x|y', 'g'); const c = RegExp(dynamic);");
    expect(sample.map((p) => `${p.source}/${p.flags}`)).toEqual(['(a+)+$/i', 'x|y/g']);
    expect(patterns.length).toBeGreaterThan(0);
  });

  it('the checker flags a known catastrophic pattern (the check itself works)', async () => {
    const result = await check('^(a|a)*$', '', { timeout: CHECK_TIMEOUT_MS });
    expect(result.status).toBe('vulnerable');
  });

  it.each(patterns.map((p) => [`${p.file}:${p.line} /${p.source}/${p.flags}`, p] as const))('%s', async (_name, pattern) => {
    const first = await check(pattern.source, pattern.flags, { timeout: CHECK_TIMEOUT_MS });
    // Left to choose, the checker falls back to fuzzing by elapsed time, so a loaded machine can get a fuzzer's
    // guess where an idle one gets the automaton's proof. A fuzzer's finding is confirmed by the exact automaton check.
    const result =
      first.status === 'vulnerable' && first.checker === 'fuzz'
        ? await check(pattern.source, pattern.flags, { timeout: CHECK_TIMEOUT_MS, checker: 'automaton' })
        : first;
    expect(result.status, describeVulnerability(pattern, result)).toBe('safe');
  }, TEST_TIMEOUT_MS);
});

/**
 * Under the `iu` flags V8 tries a `\b` at every position of the text instead of scanning ahead for the literal after
 * it: such patterns ran about ten times slower on the dev pages' lines. `u` stays only where the pattern needs it.
 * Like the ReDoS scan, this reads regex literals and `RegExp` calls with literal arguments only: a pattern built from a
 * template (src/rules/text-patterns.ts builds a few) is checked by eye.
 */
function needlessUnicodeBoundary(pattern: FoundPattern): boolean {
  if (!pattern.flags.includes('i') || !pattern.flags.includes('u') || !/\\[bB]/u.test(pattern.source)) return false;
  // A Unicode class or code point escape, a character outside the Basic Multilingual Plane, or one spelt as an escaped surrogate.
  const needsUnicode = /\\[pP]\{|\\u\{|\\u[dD][89a-fA-F]/u.test(pattern.source) || /[\uD800-\uDFFF]/.test(pattern.source);
  return !needsUnicode;
}

describe('word boundaries stay on the fast path', () => {
  it('the rule tells a needless `u` from a needed one (the check itself works)', () => {
    const sample = findPatterns(join(SOURCE_DIR, 'x.ts'), String.raw`const a = /\bcookie/iu; const b = /\bcookie/i; const c = /\b\p{Lu}/iu; const d = /cookie/iu; const e = /\b😀/iu; const f = /\bx[\uD83D\uDE00]/iu;`);
    expect(sample.map(needlessUnicodeBoundary)).toEqual([true, false, false, false, false, false]);
  });

  it('no case-insensitive pattern in src/ with a word boundary carries a `u` it does not need', () => {
    const offenders = patterns.filter(needlessUnicodeBoundary).map((p) => `${p.file}:${p.line} /${p.source}/${p.flags}`);
    expect(offenders).toEqual([]);
  });
});
