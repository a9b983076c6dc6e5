import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { staleReason } from '../../bench/lib/speed-build.js';
import { TEXT_FLOOR_LABEL, textFloor, textStageTimings, timeTextPath, timeTextPathInChild } from '../../bench/lib/speed-text.js';
import { timeHtmlAloneInChild } from '../../bench/lib/speed-alone.js';
import { timeContenders } from '../../bench/lib/speed-runner.js';
import { SRC_BUILD } from '../../bench/lib/speed-contenders.js';
import { selfTimeByFile, selfTimeByFunction, type CpuProfile } from '../../bench/lib/speed-cpuprofile.js';
import { decodePage, declaredCharset, spreadIndices } from '../../bench/lib/speed-pages.js';
import { quantile, summarise, summarisePasses } from '../../bench/lib/speed-stats.js';
import { scalingSchedule, timeGrowthAgainstTarget } from '../../bench/lib/speed-scaling.js';
import { ratiosNetOfMajorGc, renderReport, type SpeedReport } from '../../bench/lib/speed-report.js';
import { scalingInput } from '../../bench/lib/speed-synthetic.js';
import { parseHTML } from 'linkedom';

const bytes = (text: string, encoding: BufferEncoding = 'utf8'): Uint8Array => Buffer.from(text, encoding);

describe('decodePage', () => {
  it('reads valid UTF-8 as UTF-8 even when the page declares a legacy charset', () => {
    const page = '<meta charset="iso-8859-1"><p>Zürich – “quoted”</p>';
    expect(decodePage(bytes(page))).toBe(page);
  });

  it('follows the declared charset when the bytes are not UTF-8', () => {
    // 0xF8 is "ř" in windows-1250 but "ø" in windows-1252: only the declaration can tell.
    const head = Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><p>', 'latin1');
    const page = Buffer.concat([head, Buffer.from([0x50, 0xf8, 0xed, 0x6b, 0x6c, 0x61, 0x64]), Buffer.from('</p>', 'latin1')]);
    expect(declaredCharset(page)).toBe('windows-1250');
    expect(decodePage(page)).toContain('Příklad');
  });

  it('falls back to windows-1252 when nothing is declared', () => {
    const page = Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x68, 0x69, 0x94, 0x20, 0x80]);
    expect(decodePage(page)).toBe('<p>“hi” €');
  });

  it('treats a false UTF-8 declaration on legacy bytes as windows-1252', () => {
    const page = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>caf', 'latin1'), Buffer.from([0xe9])]);
    expect(decodePage(page)).toBe('<meta charset="utf-8"><p>café');
  });
});

describe('spreadIndices', () => {
  it('keeps every index without a limit, and spreads a limit over the whole range', () => {
    expect(spreadIndices(5, null)).toEqual([0, 1, 2, 3, 4]);
    expect(spreadIndices(100, 4)).toEqual([0, 25, 50, 75]);
    expect(spreadIndices(3, 10)).toEqual([0, 1, 2]);
  });
});

describe('stats', () => {
  it('interpolates quantiles between closest ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 0.95)).toBe(20);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('computes pages/s and MB/s from the summed page times', () => {
    const summary = summarise([100, 300], 1, 4_000_000);
    expect(summary.pagesPerSecond).toBe(5);
    expect(summary.megabytesPerSecond).toBe(10);
    expect(summary.errors).toBe(1);
  });

  it('takes each page at its median pass and throughput from the median pass total', () => {
    // Pass 2 is disturbed on page 0 and pass 3 on page 1: neither decides a page's time or the total.
    const summary = summarisePasses(
      [
        [10, 20],
        [90, 20],
        [10, 80],
      ],
      0,
      3_000_000,
    );
    expect(summary.medianMs).toBe(15);
    expect(summary.totalMs).toBe(90);
    expect(summary.pagesPerSecond).toBeCloseTo(2 / 0.09);
    expect(summary.megabytesPerSecond).toBeCloseTo(3 / 0.09);
    expect(() => summarisePasses([[1, 2], [1]], 0, 0)).toThrow();
  });
});

describe('scaling target', () => {
  it('allows 12× the time for 10× the size, scaled to the real size ratio', () => {
    expect(timeGrowthAgainstTarget(12, 10)).toBeCloseTo(1);
    expect(timeGrowthAgainstTarget(7, 5)).toBeLessThan(1.2);
    expect(timeGrowthAgainstTarget(7, 5)).toBeGreaterThan(1);
  });
});

describe('scaling schedule', () => {
  it('runs every size its runs, each spread over the whole timing, smallest first within a round', () => {
    const runs = [200, 60, 25, 9];
    const order = scalingSchedule(runs);
    expect(runs.map((_, k) => order.filter((i) => i === k).length)).toEqual(runs);
    // A round opens with the 1x page, which runs in every one; where each size's runs fall, by round.
    const roundsOf = runs.map(() => [] as number[]);
    let round = -1;
    for (const k of order) {
      if (k === 0) round++;
      roundsOf[k]!.push(round);
    }
    expect(round).toBe(199);
    for (const [k, rounds] of roundsOf.entries()) {
      // Evenly spaced over all 200 rounds: the first in round 0, the last in the final stride, no gap over twice the stride.
      const stride = 200 / runs[k]!;
      expect(rounds[0]).toBe(0);
      expect(rounds.at(-1)!).toBeGreaterThanOrEqual(199 - stride);
      for (let j = 1; j < rounds.length; j++) expect(rounds[j]! - rounds[j - 1]!).toBeLessThanOrEqual(Math.ceil(stride));
    }
    // Within a round the sizes run smallest first, so the biggest page ends any round it runs in.
    let at = 0;
    while (at < order.length) {
      let end = at + 1;
      while (end < order.length && order[end] !== 0) end++;
      const inRound = order.slice(at, end);
      expect(inRound).toEqual([...inRound].sort((a, b) => a - b));
      at = end;
    }
  });

  it('has nothing to run without sizes or runs', () => {
    expect(scalingSchedule([])).toEqual([]);
    expect(scalingSchedule([0, 0])).toEqual([]);
  });
});

describe('scaling pages', () => {
  /** The article's paragraphs and subheadings of the HTML page, as its DOM has them. */
  const htmlBody = (repeat: number): string[] => {
    const { document } = parseHTML(scalingInput('html', repeat));
    return Array.from(document.querySelectorAll('.story-body > *'), (el) => el.textContent ?? '');
  };

  it('gives the text path the same article as the HTML path, copy for copy', () => {
    for (const repeat of [1, 3]) {
      const body = htmlBody(repeat);
      expect(body.length).toBe(7 * repeat);
      const blocks = scalingInput('text', repeat).split('\n\n');
      // The body sits between the headline and byline and the related heading, in the HTML page's order.
      expect(blocks.slice(3, 3 + body.length)).toEqual(body);
      expect(blocks[3 + body.length]).toBe('More from the Courier');
    }
  });
});

describe('cpuprofile self time', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 } },
      { id: 2, callFrame: { functionName: 'segment', url: 'file:///repo/src/a.ts', lineNumber: 9, columnNumber: 0 } },
      { id: 3, callFrame: { functionName: 'parse', url: 'file:///repo/node_modules/p/t.js', lineNumber: 0, columnNumber: 0 } },
    ],
    // Each sample's time is the gap until the next sample.
    samples: [2, 3, 2, 3],
    timeDeltas: [0, 1000, 3000, 4000],
  };

  it('charges each sample the gap until the next, per function and per file', () => {
    const byFunction = selfTimeByFunction(profile, '/repo');
    expect(byFunction.map((row) => [row.key, row.selfMs])).toEqual([
      ['segment src/a.ts:10', 5],
      ['parse node_modules/p/t.js:1', 3],
    ]);
    expect(byFunction[0]?.share).toBe(0.625);
    const mapped = selfTimeByFunction(profile, '/repo', (url) => (url.endsWith('a.ts') ? 42 : null));
    expect(mapped.map((row) => row.key)).toContain('segment src/a.ts:42');
    expect(selfTimeByFile(profile, '/repo').map((row) => row.key).sort()).toEqual(['node_modules/p/t.js', 'src/a.ts']);
  });
});

describe('text path timing', () => {
  it('warms up once, settles untimed before every timed pass, times every pass, and counts errors once', () => {
    // A fake clock: warm-up and settling calls take 1000 ms, timed calls 1 ms, so any untimed call that leaked
    // into the figures would show.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    let calls = 0;
    const module = {
      extract(input: string): never {
        // Two renderings a pass: the warm-up pass, then per round a settling pass and a timed one.
        const timed = calls >= 2 && (calls - 2) % 4 >= 2;
        calls++;
        clock += timed ? 1 : 1000;
        if (input === 'bad') throw Object.assign(new Error('no article'), { code: 'NO_ARTICLE' });
        return {} as never;
      },
    };
    const progress: string[] = [];
    try {
      const texts = ['good', 'bad'].map((text, i) => ({ dataset: 'd', id: String(i), text, bytes: 500_000 }));
      const [result] = timeTextPath([{ label: 'x', module }], texts, { passes: 3, onProgress: (line) => progress.push(line) });
      expect(calls).toBe(2 * (1 + 2 * 3));
      expect(result?.summary.totalMs).toBe(2);
      expect(result?.summary.medianMs).toBe(1);
      expect(result?.summary.pages).toBe(2);
      expect(result?.summary.errors).toBe(1);
      expect(result?.errorKinds.size).toBe(1);
      expect(progress.filter((line) => / pass \d\/3/.test(line))).toHaveLength(3);
    } finally {
      now.mockRestore();
    }
  });

  it('sums each stage of the trace over the renderings, skipping pages that throw, takes each stage\'s median pass, and counts every byte', () => {
    const traces = [{ segment: 2, select: 1 }, null, { segment: 3, metadata: 0.5 }];
    // The second pass runs three times slow, as one did on a busy machine: the median pass leaves it out.
    const slowdown = [1, 3, 1];
    let call = 0;
    const module = {
      extract(): never {
        const timings = traces[call % traces.length];
        const scale = slowdown[Math.floor(call / traces.length)]!;
        call++;
        if (timings === null || timings === undefined) throw Object.assign(new Error('no article'), { code: 'NO_ARTICLE' });
        return { trace: { timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, v * scale])) } } as never;
      },
    };
    const texts = traces.map((_, i) => ({ dataset: 'd', id: String(i), text: 'x', bytes: 1000 }));
    expect(textStageTimings(module, texts)).toEqual({ stageMs: [['segment', 5], ['select', 1], ['metadata', 0.5]], bytes: 3000 });
    expect(call).toBe(9);
  });

  it('has a floor that cuts lines and collapses their spaces, and counts the lines that are not blank', () => {
    expect(textFloor('Title\n\n  By  Jane \t Doe \n \t \nA paragraph.\r\n')).toBe(3);
    expect(textFloor('')).toBe(0);
  });

  it('times the renderings in a fresh process and hands back the same figures', async () => {
    const root = mkdtempSync(join(tmpdir(), 'newsprint-bench-'));
    try {
      mkdirSync(join(root, 'invented', 'text'), { recursive: true });
      const article = ['Council votes to reopen the ferry', 'By Jane Doe', ...Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of the story, long enough to read as prose: the council met on Tuesday and voted after a three-hour debate.`)].join('\n\n');
      writeFileSync(join(root, 'invented', 'text', 'story.txt'), article);
      writeFileSync(join(root, 'invented', 'text', 'menu.txt'), 'Home\nNews\nSport');
      writeFileSync(join(root, 'invented', 'text', 'empty.txt'), '  \n');
      const pages = ['story', 'menu', 'empty', 'absent'].map((id) => ({ dataset: 'invented', id }));
      const timed = await timeTextPathInChild([SRC_BUILD], root, pages, 2);
      // Empty and missing renderings are left out, as in the process itself.
      expect(timed.pages).toBe(2);
      // The floor is timed on the same renderings, in the same passes, after the builds.
      expect(timed.results.map((r) => r.label)).toEqual(['newsprint (src)', TEXT_FLOOR_LABEL]);
      expect(timed.results[0]?.summary.pages).toBe(2);
      expect(timed.results[0]?.summary.errors).toBe(1);
      expect([...(timed.results[0]?.errorKinds.keys() ?? [])]).toEqual([expect.stringContaining('NO_ARTICLE')]);
      expect(timed.results[1]?.summary.pages).toBe(2);
      expect(timed.results[1]?.summary.errors).toBe(0);
      // The stage table reads the story's trace; the menu's NO_ARTICLE leaves none.
      expect(timed.stages?.stageMs.map(([stage]) => stage)).toEqual(expect.arrayContaining(['segment', 'features', 'classify', 'select', 'metadata']));
      expect(timed.stages?.bytes).toBe(Buffer.byteLength(article) + Buffer.byteLength('Home\nNews\nSport'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('interleaved timing', () => {
  it('lets the event loop turn between pages, so work a contender leaves for later runs before the next page', async () => {
    const pending: string[] = [];
    const seenPending: number[] = [];
    const contender = {
      name: 'leaves work for later',
      sampleEvery: 1,
      run: (page: { id: string }) => {
        seenPending.push(pending.length);
        // As jsdom releases a closed window: in a later turn of the event loop.
        pending.push(page.id);
        setImmediate(() => pending.splice(pending.indexOf(page.id), 1));
      },
    };
    const pages = ['a', 'b', 'c'].map((id) => ({ dataset: 'd', id, url: `https://example.org/${id}`, html: '<p>x</p>', bytes: 8 }));
    const [result] = await timeContenders([contender], pages, pages.slice(0, 1));
    expect(result?.summary.pages).toBe(3);
    expect(seenPending).toEqual([0, 0, 0, 0]);
  });

  it('charges each garbage collection to the contender whose call was running when it started', async () => {
    let kept = 0;
    const allocator = {
      name: 'allocates',
      sampleEvery: 1,
      run: () => {
        // Far more short-lived objects than a young generation holds: scavenges start inside this call.
        let batch: { n: number }[] = [];
        for (let i = 0; i < 2_000_000; i++) {
          batch.push({ n: i });
          if (batch.length === 1000) batch = [];
        }
        // Read after the loop, so the allocations are not optimised away.
        kept += batch.length;
      },
    };
    const idle = { name: 'allocates nothing', sampleEvery: 1, run: () => undefined };
    const pages = ['a', 'b', 'c'].map((id) => ({ dataset: 'd', id, url: `https://example.org/${id}`, html: '<p>x</p>', bytes: 8 }));
    const [busy, quiet] = await timeContenders([allocator, idle], pages, pages.slice(0, 1));
    expect(busy?.gcMinorMs).toBeGreaterThan(0);
    expect(quiet?.gcMinorMs).toBe(0);
    expect(quiet?.gcMajorMs).toBe(0);
  });
});

describe('HTML path alone', () => {
  it('times newsprint, the parse floor, Readability, and newsprint without the vote and with the vote on its own DOM, in a fresh process, each on every page', async () => {
    const root = mkdtempSync(join(tmpdir(), 'newsprint-bench-'));
    try {
      mkdirSync(join(root, 'invented', 'html'), { recursive: true });
      const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to read as prose: the council met on Tuesday and voted after a three-hour debate.</p>`);
      const story = `<html><head><title>Council votes to reopen the ferry</title></head><body><article><h1>Council votes to reopen the ferry</h1>${paragraphs.join('')}</article></body></html>`;
      writeFileSync(join(root, 'invented', 'html', 'story.html.gz'), gzipSync(story));
      writeFileSync(join(root, 'invented', 'html', 'menu.html.gz'), gzipSync('<html><body><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></body></html>'));
      const timed = await timeHtmlAloneInChild(SRC_BUILD, root, { datasets: [], limit: null }, 2);
      expect(timed.pages).toBe(2);
      expect(timed.results.map((r) => r.label)).toEqual([
        'newsprint (src)',
        'floor: htmlparser2 parseDocument',
        'Readability 0.6 on linkedom',
        'newsprint (src), readabilityFallback: false',
        "newsprint (src), readabilityDom: 'builtin'",
      ]);
      expect(timed.results.map((r) => r.summary.pages)).toEqual([2, 2, 2, 2, 2]);
      // The menu page has no article for newsprint; the parser reads it like any page, and Readability returns null.
      expect(timed.results.map((r) => r.summary.errors)).toEqual([1, 0, 0, 1, 1]);
      expect([...(timed.results[0]?.errorKinds.keys() ?? [])]).toEqual([expect.stringContaining('NO_ARTICLE')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('build staleness', () => {
  it('asks for a build when dist is missing or older than src', () => {
    const root = mkdtempSync(join(tmpdir(), 'newsprint-bench-'));
    try {
      mkdirSync(join(root, 'src'));
      mkdirSync(join(root, 'dist'));
      const entry = join(root, 'dist', 'index.js');
      expect(staleReason(entry, root)).toMatch(/missing/);
      writeFileSync(join(root, 'src', 'index.ts'), '');
      writeFileSync(entry, '');
      utimesSync(join(root, 'src', 'index.ts'), 2000, 2000);
      utimesSync(entry, 1000, 1000);
      expect(staleReason(entry, root)).toMatch(/older than src/);
      utimesSync(entry, 3000, 3000);
      expect(staleReason(entry, root)).toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('speed report', () => {
  /** A pass result whose one pass over `pages` pages took `totalMs`, on `megabytes` of input. */
  const result = (label: string, totalMs: number, megabytes = 1): { label: string; summary: ReturnType<typeof summarise>; errorKinds: Map<string, number> } => ({
    label,
    summary: summarise([totalMs / 2, totalMs / 2], 0, megabytes * 1e6),
    errorKinds: new Map(),
  });
  const report = (alone: SpeedReport['alone'], text: SpeedReport['text'], linkedomRatio: number | null = null, netOfMajorGc: SpeedReport['netOfMajorGc'] = null): string =>
    renderReport({
      date: '2026-01-01', nodeVersion: 'v20', cpuModel: 'cpu', cpuCount: 2, loadAverage: 0, command: 'npm run bench', pageCount: 2, megabytes: 1,
      pagesPerDataset: new Map([['d', 2]]), warmupPages: 1, gcBetween: false, newsprint: { row: 'newsprint (dist)' }, contenders: [],
      ratioVsReadability: null, ratioVsParseFloor: null, linkedomOverParseFloor: linkedomRatio, netOfMajorGc, tally: null, alone, text, scaling: { skipped: 'not asked for' }, textScaling: { skipped: 'not asked for' },
    });

  it('gives the headline ratios again without the major collections each row was charged', () => {
    /** An interleaved row: `pages` pages in `totalMs`, `majorMs` of it major collections. */
    const row = (name: string, pages: number, totalMs: number, majorMs: number) => ({
      name, sampleEvery: 1, summary: summarise(Array.from({ length: pages }, () => totalMs / pages), 0, 1e6), errorKinds: new Map<string, number>(), gcMinorMs: 0, gcMajorMs: majorMs,
    });
    // newsprint 2040 ms with 377 of major collection, Readability 7300 with 344, the parse floor 602 with none.
    const net = ratiosNetOfMajorGc(row('newsprint (dist)', 300, 2040, 377), row('Readability 0.6 on linkedom', 300, 7300, 344), row('floor', 300, 602, 0))!;
    expect(net.vsReadability).toBeCloseTo(6956 / 1663, 6);
    expect(net.vsParseFloor).toBeCloseTo(1663 / 602, 6);
    // A row timed on a sample of the pages is compared by pages per second: 200 against 100.
    expect(ratiosNetOfMajorGc(row('newsprint (dist)', 300, 1500, 0), row('Readability', 30, 300, 0), row('floor', 300, 500, 0))!.vsReadability).toBeCloseTo(2, 6);
    const skipped = { skipped: 'not asked for' };
    expect(report(skipped, skipped, null, { vsReadability: 4.18, vsParseFloor: 2.76 })).toContain("major collections taken out");
    expect(report(skipped, skipped, null, { vsReadability: 4.18, vsParseFloor: 2.76 })).toMatch(/4\.18 times Readability, 2\.76 parses' worth/);
    expect(report(skipped, skipped, null, null)).not.toContain('major collections taken out');
  });

  it('gives the alone ratios of each newsprint row against the parse floor and Readability', () => {
    const markdown = report(
      {
        pages: 2,
        passes: 3,
        results: [result('newsprint (dist)', 300), result('floor: htmlparser2 parseDocument', 100), result('Readability 0.6 on linkedom', 1800), result('newsprint (dist), readabilityFallback: false', 200), result("newsprint (dist), readabilityDom: 'builtin'", 250)],
      },
      { skipped: 'not asked for' },
    );
    expect(markdown).toContain('newsprint pages/s ÷ Readability-on-linkedom pages/s, each alone: **6.00**');
    expect(markdown).toContain('newsprint total ÷ htmlparser2 parseDocument total, each alone: **3.00**');
    expect(markdown).toMatch(/readabilityFallback: false.*: 2\.00 parses' worth, 9\.00 times Readability/);
    expect(markdown).toMatch(/readabilityDom: 'builtin'.*: 2\.50 parses' worth, 7\.20 times Readability/);
  });

  it("says when the run's linkedom-based rows are in their slow state, from linkedom's parse against htmlparser2's", () => {
    const skipped = { skipped: 'not asked for' };
    const normal = report(skipped, skipped, 3.28);
    expect(normal).toContain('linkedom parseHTML total ÷ htmlparser2 parseDocument total: 3.28');
    expect(normal).not.toContain('slow state');
    const slow = report(skipped, skipped, 17);
    expect(slow).toContain('linkedom parseHTML total ÷ htmlparser2 parseDocument total: 17.0');
    expect(slow).toContain("This run's linkedom-based rows ran in the slow state");
    // Without both floors (--newsprint-only) there is nothing to say.
    expect(report(skipped, skipped, null)).not.toContain('linkedom parseHTML total');
  });

  it('puts the text path against its floor, whichever row comes first, and the 20 MB/s target in floors', () => {
    // 2 MB: newsprint's pass 400 ms (5 MB/s), the floor's 25 ms (80 MB/s).
    for (const results of [[result('newsprint (dist)', 400, 2), result(TEXT_FLOOR_LABEL, 25, 2)], [result(TEXT_FLOOR_LABEL, 25, 2), result('newsprint (dist)', 400, 2)]]) {
      const markdown = report({ skipped: 'not asked for' }, { pages: 2, passes: 5, results });
      expect(markdown).toContain('newsprint pass ÷ floor pass: **16.0**');
      expect(markdown).toContain('the 20 MB/s target is 4.00 floors\' worth in this run');
    }
  });

  it('puts each text stage against the time the 20 MB/s target allows the whole pass', () => {
    // 2 MB at 20 MB/s: 100 ms for the pass.
    const stages = { stageMs: [['segment', 150], ['select', 50]] as [string, number][], bytes: 2e6 };
    const markdown = report({ skipped: 'not asked for' }, { pages: 2, passes: 5, results: [result('newsprint (dist)', 400, 2)], stages });
    expect(markdown).toContain('each stage against the 100 ms the 20 MB/s target allows the whole pass');
    expect(markdown).toContain('| segment | 150 | 75% | 150% |');
    expect(markdown).toContain('| all stages | 200 | 100% | 200% |');
    // Without stage figures (an older child, or no renderings) the section has no table.
    expect(report({ skipped: 'not asked for' }, { pages: 2, passes: 5, results: [result('newsprint (dist)', 400, 2)] })).not.toContain('Where the text path spends');
  });
});
