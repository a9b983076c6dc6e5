import { describe, expect, it, vi } from 'vitest';
import { CLOSE, LEAD, PIER_PAGE } from './support/pier-page.js';

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

/** The page of the linkedom tests in readability-vote.test.ts. */
const PAGE = PIER_PAGE;

describe('the Readability vote on the builtin DOM alone', () => {
  it('gets the strict answer and the usual one, apart or from one run, as the linkedom tests do', () => {
    // linkedom is out of reach here: an ask on it finds nothing.
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
