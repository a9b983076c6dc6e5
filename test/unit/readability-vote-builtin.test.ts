import { describe, expect, it, vi } from 'vitest';

// linkedom made unusable: every answer below comes from the builtin DOM, none from the retry on linkedom.
vi.mock('linkedom', () => ({
  parseHTML: (): never => {
    throw new Error('linkedom is not used in this file');
  },
}));

const { askReadability, askReadabilityBoth, voteWithReadability } = await import('../../src/extract/readability-vote.js');
const { segmentHtml } = await import('../../src/extract/segment-html.js');
const { computeFeatures } = await import('../../src/extract/features.js');
const { resolveOptions } = await import('../../src/options.js');

const builtin = resolveOptions({ readabilityDom: 'builtin' });

const LEAD = 'The harbour council voted on Tuesday to rebuild the old pier, after two winters of storms left it closed to boats and walkers alike.';
const CLOSE = 'Work starts in spring, the mayor said, and should take eighteen months.';
const comment = (n: number): string =>
  `Reader comment number ${n}: I walked on that pier every day for years, and I think the council waited far too long, honestly, to do anything at all about it.`;
/** The page of the linkedom tests in readability-vote.test.ts: a short article beside a longer box of reader comments. */
const PAGE = `<html><head><title>Pier to be rebuilt</title></head><body><div class="header">Harbour Gazette</div>
<div class="article-body"><p>${LEAD}</p><p>${CLOSE}</p></div>
<div class="comment-list sidebar">${[1, 2, 3, 4, 5, 6].map((n) => `<p>${comment(n)}</p>`).join('')}</div></body></html>`;

describe('the Readability vote on the builtin DOM alone', () => {
  it('gets the strict answer and the usual one, apart or from one run, as the linkedom tests do', () => {
    expect(() => askReadability(PAGE, resolveOptions({}), 1)).not.toThrow();
    expect(askReadability(PAGE, resolveOptions({}), 1)).toBeNull();
    const strict = askReadability(PAGE, builtin, 1);
    const usual = askReadability(PAGE, builtin);
    expect(strict?.text).toContain(LEAD);
    expect(strict?.text).not.toContain('Reader comment');
    expect(usual?.text).toContain('Reader comment number 1');
    const both = askReadabilityBoth(PAGE, builtin)!;
    expect(both.strict?.text).toBe(strict?.text);
    expect(both.usual()?.text).toBe(usual?.text);
  });

  it('keeps the short article and leaves the comments out, as on linkedom', () => {
    const { blocks } = segmentHtml(PAGE, builtin);
    const features = computeFeatures(blocks);
    const verdicts = blocks.map((b) =>
      b.text === CLOSE ? { label: 'body' as const, kept: true, reason: 'test' } : { label: 'other' as const, kept: false, reason: 'test' },
    );
    const ourWords = features.reduce((n, f, i) => n + (verdicts[i]!.kept ? f.words : 0), 0);
    const vote = voteWithReadability(PAGE, blocks, features, verdicts, ourWords, builtin);
    expect(vote).not.toBeNull();
    expect(blocks.filter((_, i) => vote!.verdicts[i]!.kept).map((b) => b.text)).toEqual([LEAD, CLOSE]);
  });
});
