/**
 * Plain-text fixtures: invented pages in the shapes text input really takes (select-all copies,
 * innerText dumps, w3m/lynx dumps, scraper columns, CRLF files, six languages, a live blog, a
 * listing). Each folder holds `source.txt` and `expected.json`, a list of facts a user relies on;
 * every fact present is checked, through the public `extract(text, { format: 'text' })`.
 * Set NEWSPRINT_FIXTURE_REPORT=1 to print every failed fact per fixture.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, NewsprintError } from '../src/index.js';
import type { Article, NewsprintErrorCode } from '../src/index.js';

interface TextFacts {
  /** Why the fixture exists: the page shape it stands for. */
  why: string;
  title?: string;
  authors?: string[];
  /** `YYYY-MM-DD`. */
  published?: string;
  /** Primary language subtag. */
  lang?: string;
  /** Body headings in order, the title excluded. */
  headings?: string[];
  paragraphCount?: number;
  mustContain?: string[];
  mustNotContain?: string[];
  /** Titles that must be among `article.related`, in this order. */
  relatedTitles?: string[];
  /** Related excerpts, by title, exactly as returned. */
  relatedExcerpts?: Record<string, string>;
  /** The page holds no article: extraction must fail with this code. */
  expectError?: NewsprintErrorCode;
}

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', 'text');
const REPORT = process.env['NEWSPRINT_FIXTURE_REPORT'] === '1';

const fixtures = readdirSync(ROOT)
  .filter((slug) => statSync(join(ROOT, slug)).isDirectory())
  .sort()
  .map((slug) => ({
    slug,
    source: readFileSync(join(ROOT, slug, 'source.txt'), 'utf8'),
    expected: JSON.parse(readFileSync(join(ROOT, slug, 'expected.json'), 'utf8')) as TextFacts,
  }));

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function check(article: Article, expected: TextFacts): string[] {
  const failures: string[] = [];
  const body = squash(article.text);
  if (expected.title !== undefined && article.title !== expected.title) failures.push(`title: got ${JSON.stringify(article.title)}`);
  if (expected.authors !== undefined && JSON.stringify(article.authors) !== JSON.stringify(expected.authors)) {
    failures.push(`authors: got ${JSON.stringify(article.authors)}`);
  }
  if (expected.published !== undefined && (article.published ?? '').slice(0, 10) !== expected.published) {
    failures.push(`published: got ${JSON.stringify(article.published)}`);
  }
  if (expected.lang !== undefined && (article.lang ?? '').split('-')[0]?.toLowerCase() !== expected.lang) {
    failures.push(`lang: got ${JSON.stringify(article.lang)}`);
  }
  if (expected.headings !== undefined) {
    const got = article.headings.map((h) => squash(h.text));
    if (JSON.stringify(got) !== JSON.stringify(expected.headings)) failures.push(`headings: got ${JSON.stringify(got)}`);
  }
  if (expected.paragraphCount !== undefined && article.paragraphs.length !== expected.paragraphCount) {
    failures.push(`paragraphCount: got ${article.paragraphs.length}: ${JSON.stringify(article.paragraphs.map((p) => p.slice(0, 40)))}`);
  }
  for (const snippet of expected.mustContain ?? []) if (!body.includes(snippet)) failures.push(`missing: ${JSON.stringify(snippet)}`);
  for (const snippet of expected.mustNotContain ?? []) if (body.includes(snippet)) failures.push(`leaked: ${JSON.stringify(snippet)}`);
  if (expected.relatedTitles !== undefined) {
    const titles = article.related.map((r) => r.title);
    const found = expected.relatedTitles.filter((t) => titles.includes(t));
    if (found.length !== expected.relatedTitles.length || JSON.stringify(titles.filter((t) => expected.relatedTitles?.includes(t))) !== JSON.stringify(expected.relatedTitles)) {
      failures.push(`related: got ${JSON.stringify(titles)}`);
    }
  }
  for (const [title, excerpt] of Object.entries(expected.relatedExcerpts ?? {})) {
    const link = article.related.find((r) => r.title === title);
    if (link?.excerpt !== excerpt) failures.push(`related excerpt of ${JSON.stringify(title)}: got ${JSON.stringify(link?.excerpt ?? null)}`);
  }
  return failures;
}

function run(source: string, expected: TextFacts): string[] {
  try {
    const article = extract(source, { format: 'text' });
    if (expected.expectError !== undefined) return [`expected ${expected.expectError}, got an article titled ${JSON.stringify(article.title)}`];
    if (article.trace.format !== 'text') return [`took the ${article.trace.format} path`];
    return check(article, expected);
  } catch (error) {
    if (expected.expectError !== undefined && error instanceof NewsprintError && error.code === expected.expectError) return [];
    return [`threw ${error instanceof NewsprintError ? error.code : String(error)}`];
  }
}

describe('plain-text fixtures', () => {
  it('has at least twenty fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  for (const { slug, source, expected } of fixtures) {
    it(`${slug}: ${expected.why}`, () => {
      const failures = run(source, expected);
      if (REPORT && failures.length > 0) process.stdout.write(`\n${slug}\n  ${failures.join('\n  ')}\n`);
      expect(failures).toEqual([]);
    });
  }
});
