/**
 * Phrases the gate cannot vouch for are still found: a source under the `v` flag, which the splitter leaves whole,
 * and a branch with no literal three characters long, which leaves its length step ungated.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

async function mayHavePhraseWith(groups: { pattern: RegExp; maxChars: number }[]): Promise<(text: string) => boolean> {
  vi.resetModules();
  vi.doMock('../../src/rules/patterns.js', () => ({
    PHRASE_GROUPS: groups.map((g) => ({ label: 'promo', why: 'test', ...g })),
  }));
  return (await import('../../src/extract/classify.js')).mayHavePhrase;
}

afterEach(() => {
  vi.doUnmock('../../src/rules/patterns.js');
  vi.resetModules();
});

describe('mayHavePhrase without a gate', () => {
  it('finds a phrase whose source is under the v flag', async () => {
    const test = await mayHavePhraseWith([
      // Built from strings: the compiler's target predates the flag's literal syntax.
      { pattern: new RegExp('^menu$', 'iv'), maxChars: 60 },
      { pattern: new RegExp('xyz[[a]bcd]|deal of the day', 'iv'), maxChars: 60 },
    ]);
    expect(test('Menu')).toBe(true);
    expect(test('our xyzb offer')).toBe(true);
    expect(test('Deal of the day!')).toBe(true);
    expect(test('an ordinary sentence')).toBe(false);
  });

  it('finds a phrase whose branch holds no literal of three characters', async () => {
    const test = await mayHavePhraseWith([
      { pattern: /^menu$/i, maxChars: 60 },
      { pattern: /\bx\d{2}y\b|sign up now/i, maxChars: 60 },
    ]);
    expect(test('code X12Y here')).toBe(true);
    expect(test('Sign up now')).toBe(true);
    expect(test('an ordinary sentence')).toBe(false);
  });
});
