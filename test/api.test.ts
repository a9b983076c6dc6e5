/** The package's runtime surface is exactly the documented one: nothing internal leaks out. */
import { describe, expect, it } from 'vitest';

const DOCUMENTED_EXPORTS = [
  'DEFAULT_OPTIONS',
  'NewsprintError',
  'extract',
  'htmlToText',
  'segment',
  'toHtml',
  'toJson',
  'toMarkdown',
  'toText',
];

describe('public API', () => {
  it('exports exactly the documented runtime values', async () => {
    const api = await import('../src/index.js');
    expect(Object.keys(api).sort()).toEqual([...DOCUMENTED_EXPORTS].sort());
  });

  it('exports functions for every entry point and a real Error subclass', async () => {
    const api: Record<string, unknown> = await import('../src/index.js');
    for (const name of DOCUMENTED_EXPORTS.filter((n) => n !== 'DEFAULT_OPTIONS')) {
      expect(typeof api[name], name).toBe('function');
    }
    const { NewsprintError } = await import('../src/index.js');
    expect(new NewsprintError('NO_ARTICLE', 'x')).toBeInstanceOf(Error);
  });

  it('freezes DEFAULT_OPTIONS so no caller can change the defaults for everyone', async () => {
    const { DEFAULT_OPTIONS } = await import('../src/index.js');
    expect(Object.isFrozen(DEFAULT_OPTIONS)).toBe(true);
    expect(() => {
      (DEFAULT_OPTIONS as { maxDepth: number }).maxDepth = 1;
    }).toThrow(TypeError);
    expect(DEFAULT_OPTIONS.maxDepth).toBe(400);
  });
});
