import { describe, expect, it, vi } from 'vitest';

// The builtin DOM made to fail, as it would if a Readability release reached for a member it lacks.
vi.mock('../../src/extract/vote-dom.js', () => ({
  parseVoteDocument: () => {
    throw new TypeError('node.someNewMember is not a function');
  },
}));

const { askReadability, askReadabilityBoth } = await import('../../src/extract/readability-vote.js');
const { resolveOptions } = await import('../../src/options.js');

const PARAGRAPH = 'The harbour council voted on Tuesday to rebuild the old pier, after two winters of storms left it closed to boats and walkers alike.';
const PAGE = `<html><head><title>Pier</title></head><body><article>${[1, 2, 3, 4].map((n) => `<p>${PARAGRAPH} (${n})</p>`).join('')}</article></body></html>`;

describe('Readability on the builtin DOM, when that DOM fails', () => {
  it('asks again on linkedom, so the vote still gets its answer', () => {
    const builtin = resolveOptions({ readabilityDom: 'builtin' });
    const linkedom = resolveOptions({});
    const strict = askReadability(PAGE, builtin, 1);
    expect(strict?.text).toContain('(4)');
    expect(strict?.text).toBe(askReadability(PAGE, linkedom, 1)?.text);
    const both = askReadabilityBoth(PAGE, builtin);
    expect(both?.strict?.text).toBe(strict?.text);
    expect(both?.usual()?.text).toBe(askReadability(PAGE, linkedom)?.text);
  });
});
