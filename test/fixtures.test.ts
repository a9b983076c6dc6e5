/**
 * Golden fixtures: invented pages in the shapes real news sites use, each checked against the
 * facts its expected.json states. Set NEWSPRINT_FIXTURE_REPORT=1 to print, per fixture, what is
 * missing and what leaked. This test never rewrites an expected file.
 */
import { describe, expect, it } from 'vitest';
import { extract, NewsprintError } from '../src/index.js';
import { htmlToText } from '../src/render/text.js';
import type { Article } from '../src/index.js';
import { loadHtmlFixtures, normaliseSpace } from './fixtures/html/load.js';
import type { ExpectedFacts, HtmlFixture } from './fixtures/html/load.js';

const REPORT = process.env['NEWSPRINT_FIXTURE_REPORT'] === '1';

/** One failed fact, worded so the report reads as a to-do list. */
type Finding = string;

function primaryLanguage(tag: string | null): string | null {
  return tag === null ? null : (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function checkArticle(article: Article, expected: ExpectedFacts): Finding[] {
  const findings: Finding[] = [];
  const text = normaliseSpace(article.text);
  const paragraphs = article.paragraphs.map(normaliseSpace);

  if (expected.title !== undefined && normaliseSpace(article.title ?? '') !== expected.title) {
    findings.push(`title: expected ${JSON.stringify(expected.title)}, got ${JSON.stringify(article.title)}`);
  }
  if (expected.authors !== undefined && !sameList(article.authors, expected.authors)) {
    findings.push(`authors: expected ${JSON.stringify(expected.authors)}, got ${JSON.stringify(article.authors)}`);
  }
  if (expected.published !== undefined && (article.published ?? '').slice(0, 10) !== expected.published) {
    findings.push(`published: expected ${expected.published}, got ${JSON.stringify(article.published)}`);
  }
  if (expected.lang !== undefined && primaryLanguage(article.lang) !== expected.lang.toLowerCase()) {
    findings.push(`lang: expected ${expected.lang}, got ${JSON.stringify(article.lang)}`);
  }
  if (expected.headings !== undefined) {
    const got = article.headings.map((h) => normaliseSpace(h.text));
    if (!sameList(got, expected.headings)) {
      const missing = expected.headings.filter((h) => !got.includes(h));
      const extra = got.filter((h) => !expected.headings?.includes(h));
      findings.push(`headings: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}${missing.length + extra.length === 0 ? ' (order differs)' : ''}`);
    }
  }
  if (expected.paragraphCount !== undefined && paragraphs.length !== expected.paragraphCount) {
    findings.push(`paragraphCount: expected ${expected.paragraphCount}, got ${paragraphs.length}`);
  }
  if (expected.paragraphs !== undefined) {
    const first = paragraphs[0] ?? null;
    const last = paragraphs[paragraphs.length - 1] ?? null;
    const { first: expectedFirst, last: expectedLast } = expected.paragraphs;
    if (expectedFirst !== undefined && first !== expectedFirst) findings.push(`first paragraph: got ${JSON.stringify(first?.slice(0, 120) ?? null)}`);
    if (expectedLast !== undefined && last !== expectedLast) findings.push(`last paragraph: got ${JSON.stringify(last?.slice(0, 120) ?? null)}`);
  }
  for (const snippet of expected.mustContain ?? []) {
    if (!text.includes(snippet)) findings.push(`missing: ${JSON.stringify(snippet)}`);
  }
  for (const snippet of expected.mustNotContain ?? []) {
    if (text.includes(snippet)) findings.push(`leaked: ${JSON.stringify(snippet)}`);
  }
  for (const type of expected.blockTypes ?? []) {
    if (!article.blocks.some((block) => block.type === type)) findings.push(`no ${type} block`);
  }
  if (expected.related !== undefined) {
    const urls = new Set(article.related.map((link) => link.url));
    for (const url of expected.related) {
      if (!urls.has(url)) findings.push(`related link missing: ${url}`);
    }
  }
  return findings;
}

function runFixture(fixture: HtmlFixture): Finding[] {
  const { expected, meta, source } = fixture;
  let article: Article;
  try {
    article = extract(source, { url: meta.url });
  } catch (error) {
    if (expected.expectError !== undefined && error instanceof NewsprintError && error.code === expected.expectError) return [];
    const code = error instanceof NewsprintError ? error.code : String(error);
    return [`threw ${code}${expected.expectError === undefined ? '' : `, expected ${expected.expectError}`}`];
  }
  if (expected.expectError !== undefined) {
    return [`expected ${expected.expectError}, got an article (confidence ${article.confidence}, ${article.paragraphs.length} paragraphs, title ${JSON.stringify(article.title)})`];
  }
  return checkArticle(article, expected);
}

const fixtures = loadHtmlFixtures();

describe('golden HTML fixtures', () => {
  it('has the fixtures it promises', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
  });

  for (const fixture of fixtures) {
    it(`${fixture.slug}: ${fixture.meta.why}`, () => {
      const findings = runFixture(fixture);
      if (REPORT && findings.length > 0) {
        console.log(`\n[${fixture.slug}] ${findings.length} finding(s)\n  ${findings.join('\n  ')}`);
      }
      expect(findings).toEqual([]);
    });
  }
});

describe('golden fixtures state facts their pages contain', () => {
  // A snippet absent from the page would make its check pass whatever the extractor does.
  for (const fixture of fixtures) {
    it(`${fixture.slug}: every snippet occurs in the rendered page`, () => {
      const pageText = normaliseSpace(htmlToText(fixture.source));
      const { mustContain = [], mustNotContain = [], paragraphs = {} } = fixture.expected;
      const stated = [...mustContain, ...mustNotContain, paragraphs.first, paragraphs.last].filter((s): s is string => s !== undefined);
      expect(stated.filter((snippet) => !pageText.includes(snippet))).toEqual([]);
    });
  }
});
