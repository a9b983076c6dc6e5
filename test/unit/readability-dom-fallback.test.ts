import { afterEach, describe, expect, it, vi } from 'vitest';

/** Where the builtin DOM is made to fail, as it would if a Readability release reached for a member it lacks. */
let failAt: 'parse' | 'readability' | 'cleanup' | null = null;
/** How often the planted failure fired: a test whose failure never fires proves nothing. */
let failures = 0;
/** The builtin elements' own cloneNode, put back after each test. */
let restoreCloneNode: (() => void) | null = null;

vi.mock('../../src/extract/vote-dom.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/extract/vote-dom.js')>();
  const broken = (): never => {
    failures++;
    throw new TypeError('node.someNewMember is not a function');
  };
  const cloneNode = actual.VoteElement.prototype.cloneNode;
  restoreCloneNode = () => {
    actual.VoteElement.prototype.cloneNode = cloneNode;
  };
  return {
    ...actual,
    parseVoteDocument(html: string) {
      if (failAt === 'parse') broken();
      const document = actual.parseVoteDocument(html);
      // Readability's first steps read every <img>: the run fails inside parse().
      if (failAt === 'readability') Object.assign(document, { getElementsByTagName: broken });
      // Only the vote copies an attempt (to clean it up as the strict answer): that clean-up fails.
      if (failAt === 'cleanup') {
        actual.VoteElement.prototype.cloneNode = function (this: InstanceType<typeof actual.VoteElement>, deep?: boolean) {
          return Object.assign(cloneNode.call(this, deep), { getElementsByTagName: broken, querySelectorAll: broken });
        };
      }
      return document;
    },
  };
});

const { askReadability, askReadabilityBoth } = await import('../../src/extract/readability-vote.js');
const { resolveOptions } = await import('../../src/options.js');

const LEAD = 'The harbour council voted on Tuesday to rebuild the old pier, after two winters of storms left it closed to boats and walkers alike.';
const comment = (n: number): string => `Reader comment number ${n}: I walked on that pier every day for years, and I think the council waited far too long, honestly.`;
/** A short article beside reader comments: Readability's strict pass finds the article, its retries add the comments. */
const PAGE = `<html><head><title>Pier</title></head><body><div class="article-body"><p>${LEAD}</p></div>
<div class="comment-list sidebar">${[1, 2, 3, 4, 5, 6].map((n) => `<p>${comment(n)}</p>`).join('')}</div></body></html>`;

const builtin = resolveOptions({ readabilityDom: 'builtin' });
const linkedom = resolveOptions({});
const text = (answer: { text: string } | null | undefined): string | null => answer?.text ?? null;

afterEach(() => {
  failAt = null;
  failures = 0;
  restoreCloneNode?.();
});

describe('Readability on the builtin DOM, when that DOM fails', () => {
  it.each(['parse', 'readability', 'cleanup'] as const)('asks again on linkedom when it fails in %s, so the vote gets the same answers', (where) => {
    const expectedStrict = text(askReadability(PAGE, linkedom, 1));
    const expectedUsual = text(askReadability(PAGE, linkedom));
    expect(expectedStrict).toContain(LEAD);
    expect(expectedUsual).toContain('Reader comment number 1');
    failAt = where;
    if (where !== 'cleanup') {
      expect(text(askReadability(PAGE, builtin, 1))).toBe(expectedStrict);
      expect(text(askReadability(PAGE, builtin))).toBe(expectedUsual);
    }
    const both = askReadabilityBoth(PAGE, builtin);
    expect(text(both?.strict)).toBe(expectedStrict);
    expect(text(both?.usual())).toBe(expectedUsual);
    expect(failures).toBeGreaterThan(0);
  });
});
