/**
 * The phrase test's gate: blocks are tried against the unanchored phrase branches only where a literal each of
 * their matches holds shows, so the gate must never shut on a block some phrase matches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/index.js';
import { mayHavePhrase } from '../../src/extract/classify.js';
import { PHRASE_GROUPS } from '../../src/rules/patterns.js';
import { leafBranches, requiredLiteral } from '../../src/rules/text-patterns.js';

describe('leafBranches and requiredLiteral: what a pattern source says every match holds', () => {
  it('opens whole groups into their branches and leaves other groups whole', () => {
    expect(leafBranches('(?:a|b(?:c|d))|^e')).toEqual(['a', 'b(?:c|d)', '^e']);
    expect(leafBranches('(?:a|b)?c')).toEqual(['(?:a|b)?c']);
    expect(leafBranches('[|(]x|y')).toEqual(['[|(]x', 'y']);
    expect(leafBranches('(?:a')).toBeNull();
  });

  it('takes the longest run of literals no quantifier may drop or repeat', () => {
    expect(requiredLiteral('cookies?')).toBe('cookie');
    expect(requiredLiteral('get (?:our|the) (?:free )?newsletter')).toBe('newsletter');
    expect(requiredLiteral('\\b(?:licensed under|sous licence) (?:a |the )?creative commons\\b')).toBe('creative commons');
    expect(requiredLiteral('\\(c\\) owner')).toBe('(c) owner');
    expect(requiredLiteral('ab+cde')).toBe('cde');
    expect(requiredLiteral('xab+c')).toBe('xab');
    expect(requiredLiteral('xy{2}z')).toBe('x');
    expect(requiredLiteral('s[ií]guenos en')).toBe('guenos en');
    expect(requiredLiteral('\\u00e9t\\d+e')).toBe('t');
    expect(requiredLiteral('(?=abc)d')).toBe('d');
  });

  /** Sources whose escapes and braces read differently with and without the `u` flag, and one under `v`; each with a text it matches. */
  const TRICKY: [string, string, string][] = [
    ['\\u(?:abcd)?', 'i', 'u'],
    ['\\x(?:abcd)?', 'i', 'x'],
    ['\\c(?:abcd)?', 'i', '\\c'],
    ['\\p{(?:a}bcd)?', 'i', 'p{'],
    ['\\u{(?:a}bcd)?', 'i', 'u{'],
    ['\\k<(?:x>yz)?', 'i', 'k<'],
    ['a{(?:x}yz)?', 'i', 'a{'],
    ['xyz[[a]bcd]', 'iv', 'xyza'],
    ['\\u00e9tudes', 'i', 'Études'],
    ['\\p{L}abc', 'iu', 'xabc'],
    ['[\\]x]abc?', 'i', ']ab'],
    ['(?:ab)+cde*?f', 'i', 'ababcdf'],
  ];

  it.each(TRICKY)('reads %s (flags %s) as the regex does: its literal is in "%s", which it matches', (source, flags, text) => {
    expect(new RegExp(source, flags).test(text)).toBe(true);
    const literal = requiredLiteral(source, flags);
    expect(text.toLowerCase()).toContain(literal.toLowerCase());
  });

  it('finds each current phrase branch\'s literal in texts generated from the branch itself', () => {
    const branches = PHRASE_GROUPS.flatMap((g) => leafBranches(g.pattern.source, g.pattern.flags)!.map((b) => [b, g.pattern.flags] as const));
    for (const [branch, flags] of branches) {
      const literal = new RegExp(requiredLiteral(branch, flags).replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&'), flags);
      fc.assert(
        // The generator takes no `i` flag and no `\b`: it writes texts for the branch as written without its word
        // boundaries, and those the branch itself matches are kept.
        fc.property(
          fc.stringMatching(new RegExp(branch.replaceAll('\\b', ''), flags.replace('i', ''))).filter((text) => new RegExp(branch, flags).test(text)),
          (text) => literal.test(text),
        ),
        { numRuns: 200 },
      );
    }
  });
});

/** Text a generated match is set after. */
const CONTEXTS = ['', ' ', 'x', 'Hello. ', 'un', '1 ', '«'];

/**
 * Texts a branch matches, built from its source: each optional item left out and put in, the first branch of
 * each group, one character of each class, one of each repeat. Not every regex is covered, and a text that does
 * not match its branch is still compared: the two tests must agree on it too.
 */
function instances(src: string): string[] {
  let outs = [''];
  for (let i = 0; i < src.length; ) {
    const c = src[i]!;
    let items: string[];
    let next: number;
    if (c === '\\') {
      const e = src[i + 1]!;
      items = [e === 'd' ? '1' : e === 's' ? ' ' : e === 'w' ? 'a' : e === 'b' || e === 'B' ? '' : e];
      next = i + 2;
    } else if (c === '[') {
      const close = src.indexOf(']', i + 2);
      const body = src.slice(i + 1, close);
      items = [body.startsWith('^') ? 'a' : body.replace(/\\/gu, '')[0]!];
      next = close + 1;
    } else if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < src.length; j++) {
        if (src[j] === '\\') j++;
        else if (src[j] === '(') depth++;
        else if (src[j] === ')' && --depth === 0) break;
      }
      const inner = src.slice(src.startsWith('(?:', i) ? i + 3 : i + 1, j);
      items = (leafBranches(inner) ?? [inner]).flatMap(instances);
      next = j + 1;
    } else if (c === '^' || c === '$') {
      items = [''];
      next = i + 1;
    } else {
      items = [c === '.' ? 'x' : c];
      next = i + 1;
    }
    const q = src[next];
    let counts = [1];
    if (q === '?') counts = [0, 1];
    else if (q === '*') counts = [0, 2];
    else if (q === '+') counts = [1, 2];
    else if (q === '{') {
      const [min = 0, max = min] = src.slice(next + 1, src.indexOf('}', next)).split(',').map(Number);
      counts = [min, Number.isNaN(max) ? min + 1 : max];
      next = src.indexOf('}', next);
    }
    if (q === '?' || q === '*' || q === '+' || q === '{') next++;
    if (src[next] === '?') next++;
    const grown: string[] = [];
    for (const out of outs) for (const item of items.slice(0, 3)) for (const n of counts) grown.push(out + item.repeat(n));
    outs = [...new Set(grown)].slice(0, 64);
    i = next;
  }
  return outs;
}

/** The phrase test without the gate: every group tested at the block's length, one by one. */
function anyPhrase(text: string): boolean {
  return PHRASE_GROUPS.some((g) => text.length <= g.maxChars && g.pattern.test(text));
}

function fixtureBlocks(): string[] {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
  const texts: string[] = [];
  for (const format of ['html', 'text'] as const) {
    for (const name of readdirSync(join(root, format), { withFileTypes: true })) {
      if (!name.isDirectory()) continue;
      const source = readFileSync(join(root, format, name.name, format === 'html' ? 'source.html' : 'source.txt'), 'utf8');
      for (const b of segment(source, { format, readabilityFallback: false }).blocks) texts.push(b.text);
    }
  }
  return texts;
}

describe('mayHavePhrase: the gated phrase test', () => {
  it('answers as the phrase groups do for texts each of their branches matches, in every case and context', () => {
    let matched = 0;
    for (const group of PHRASE_GROUPS) {
      for (const branch of leafBranches(group.pattern.source)!) {
        for (const instance of instances(branch)) {
          for (const before of CONTEXTS) {
            for (const text of [before + instance, instance.toUpperCase(), `${before}${instance} end`]) {
              if (group.pattern.test(text)) matched++;
              expect(mayHavePhrase(text), JSON.stringify(text)).toBe(anyPhrase(text));
            }
          }
        }
      }
    }
    // The generator must reach the phrases, or the check above proves little.
    expect(matched).toBeGreaterThan(1000);
  });

  it('answers as the phrase groups do on every block of the fixture pages', () => {
    const texts = fixtureBlocks();
    expect(texts.length).toBeGreaterThan(300);
    for (const text of texts) expect(mayHavePhrase(text), JSON.stringify(text)).toBe(anyPhrase(text));
  });
});
