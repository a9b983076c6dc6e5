import { describe, expect, it } from 'vitest';
import { emptyMeta, makeBlock, type Block, type RawMeta } from '../../src/extract/block.js';
import { extract } from '../../src/index.js';
import { extractMetadata, type Metadata } from '../../src/extract/metadata/index.js';
import { joinedDateCredit, parseCredit, publishedByCredit } from '../../src/extract/metadata/byline.js';
import { findDateInText, parseMachineDate, dateFromUrl } from '../../src/extract/metadata/date.js';
import { parseJsonLd } from '../../src/extract/metadata/json-ld.js';
import { detectLanguage, normaliseLangTag } from '../../src/extract/metadata/lang.js';
import { foldsTo, foldTitle, splitSiteName } from '../../src/extract/metadata/title.js';
import { resolveOptions } from '../../src/options.js';

const NOW = '2024-06-01T12:00:00Z';

interface PageSpec {
  meta?: Partial<RawMeta>;
  blocks?: string[];
  /** Which of `blocks` are the body; default: all paragraphs. */
  body?: number[];
  format?: 'html' | 'text';
  url?: string | null;
  now?: string;
  blockOverrides?: Record<number, Partial<Block>>;
}

function run(spec: PageSpec): Metadata {
  const blocks = (spec.blocks ?? []).map((text, index) =>
    makeBlock({ index, kind: 'paragraph', tag: 'p', text, ...(spec.blockOverrides?.[index] ?? {}) }),
  );
  const body = new Set(spec.body ?? blocks.filter((b) => b.kind === 'paragraph').map((b) => b.index));
  return extractMetadata({
    meta: { ...emptyMeta(), ...spec.meta },
    blocks,
    bodyIndexes: body,
    format: spec.format ?? 'html',
    options: resolveOptions({ now: spec.now ?? NOW, url: spec.url ?? null }),
  });
}

const meta = (pairs: Record<string, string>): RawMeta['metas'] => Object.entries(pairs).map(([key, content]) => ({ key, content }));

const PROSE = [
  'The city council voted on Tuesday to expand the bus network into the northern districts, after a year of debate.',
  'Residents who spoke at the hearing said the current service leaves them waiting for more than forty minutes.',
];

describe('authors from JSON-LD', () => {
  it('reads authors from an @graph, resolving @id references to Person nodes', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'The Daily Ledger' },
        { '@type': 'NewsArticle', headline: 'Bus network to grow north', author: [{ '@id': '#p1' }, { '@id': '#p2' }], datePublished: '2024-03-05T09:30:00+01:00' },
        { '@type': 'Person', '@id': '#p1', name: 'Ana Souza' },
        { '@type': 'Person', '@id': '#p2', name: 'Tom Hart' },
      ],
    });
    const m = run({ meta: { jsonLd: [graph] }, blocks: PROSE });
    expect(m.authors).toEqual(['Ana Souza', 'Tom Hart']);
    expect(m.provenance.authors).toBe('json-ld');
    expect(m.published).toBe('2024-03-05T09:30:00+01:00');
    expect(m.siteName).toBe('The Daily Ledger');
  });

  it('reads an array of strings and objects inside a nested BlogPosting', () => {
    const ld = JSON.stringify({ '@type': 'WebPage', mainEntity: { '@type': 'BlogPosting', headline: 'Notes', author: ['Lena Berg', { '@type': 'Person', name: 'Karl Ode' }] } });
    expect(run({ meta: { jsonLd: [ld] }, blocks: PROSE }).authors).toEqual(['Lena Berg', 'Karl Ode']);
  });

  it('keeps an Organization author when it is the only credit, but prefers a person found elsewhere', () => {
    const ld = JSON.stringify({ '@type': 'ReportageNewsArticle', headline: 'Floods', author: { '@type': 'Organization', name: 'Harbour Times Desk Services' } });
    expect(run({ meta: { jsonLd: [ld] }, blocks: PROSE }).authors).toEqual(['Harbour Times Desk Services']);
    const withByline = run({ meta: { jsonLd: [ld] }, blocks: ['By Nora Vale', ...PROSE], body: [1, 2] });
    expect(withByline.authors).toEqual(['Nora Vale']);
    expect(withByline.bylineBlocks).toEqual([0]);
  });

  it('tolerates invalid JSON-LD: HTML comments, trailing commas, raw newlines in strings', () => {
    const broken = `<!-- {"@context":"https://schema.org","@type":"NewsArticle","headline":"Line one
line two","author":{"@type":"Person","name":"Ida Marsh",},"datePublished":"2024-02-01",} -->`;
    expect(parseJsonLd(broken)).not.toBeNull();
    const m = run({ meta: { jsonLd: [broken] }, blocks: PROSE });
    expect(m.authors).toEqual(['Ida Marsh']);
    expect(m.published).toBe('2024-02-01');
  });

  it('decodes accented-letter entities that CMSs leave in JSON-LD names', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Jos&eacute; L&oacute;pez &amp; Ana Mu&ntilde;oz' } });
    expect(run({ meta: { jsonLd: [ld] }, blocks: PROSE }).authors).toEqual(['José López', 'Ana Muñoz']);
  });

  it('ignores a script that is not JSON at all', () => {
    expect(parseJsonLd('window.dataLayer = [];')).toBeNull();
    expect(run({ meta: { jsonLd: ['window.dataLayer = [];'] }, blocks: PROSE }).authors).toEqual([]);
  });
});

describe('bylines', () => {
  it('splits co-authors, fixes shouting and drops the job title', () => {
    expect(parseCredit('By JANE DOE and John Roe, Political Correspondent', 'text').names).toEqual(['Jane Doe', 'John Roe']);
  });

  it('drops a desk of several words after the name, a bracketed place and a job title glued on by markup', () => {
    expect(parseCredit('By Darren Holt, Consumer Affairs Editor', 'text').names).toEqual(['Darren Holt']);
    // A theme's comment link beside the credit names nobody; a clock time after the name is cut in German as in English.
    expect(parseCredit('By jdoe | Leave a comment', 'element').names).toEqual(['jdoe']);
    expect(parseCredit('Von Jane Doe · Kommentare geschlossen', 'element').names).toEqual(['Jane Doe']);
    expect(parseCredit('Eingestellt von Gartenfee um 10:52', 'element').names).toEqual(['Gartenfee']);
    // A theme's "published on <date> by <name>" phrase is read whole: the word before the date is no name.
    expect(parseCredit('Publiziert am 13. Januar 2014 von jdoe', 'element').names).toEqual(['jdoe']);
    // …and what follows it like any credit: two names, a desk dropped.
    expect(parseCredit('Posted on March 5, 2024 by Jane Doe, John Roe', 'element').names).toEqual(['Jane Doe', 'John Roe']);
    expect(parseCredit('Published on 5 March 2024 by Jane Doe, Political Correspondent', 'text').names).toEqual(['Jane Doe']);
    expect(parseCredit('Par Camille Lefèvre (Montclair, correspondante)', 'text').names).toEqual(['Camille Lefèvre']);
    expect(parseCredit('By Jane Doe (London) and John Roe', 'text').names).toEqual(['Jane Doe', 'John Roe']);
    // Two spans side by side in the markup: "Helen Carver" and "Transport correspondent".
    expect(parseCredit('By Helen CarverTransport correspondent', 'text').names).toEqual(['Helen Carver']);
  });

  it('still reads a second author after a comma, and a name with a capital inside', () => {
    expect(parseCredit('By Jane Doe, John Roe', 'text').names).toEqual(['Jane Doe', 'John Roe']);
    expect(parseCredit('By Hans VanderWaal', 'text').names).toEqual(['Hans VanderWaal']);
  });

  it('reads German, French, Spanish and Italian credits', () => {
    expect(parseCredit('Von Max Mustermann', 'text').names).toEqual(['Max Mustermann']);
    expect(parseCredit('Par Jean Dupont et Marie Curie', 'text').names).toEqual(['Jean Dupont', 'Marie Curie']);
    expect(parseCredit('Por María García y José López', 'text').names).toEqual(['María García', 'José López']);
    expect(parseCredit('Di Mario Rossi e Luca Bianchi', 'text').names).toEqual(['Mario Rossi', 'Luca Bianchi']);
  });

  it('credits the reporters of a wire story, not its editors', () => {
    expect(parseCredit('Reporting by Anna Lee and Tom Hart in Paris; Editing by Sam Ko', 'text').names).toEqual(['Anna Lee', 'Tom Hart']);
  });

  it('cuts dates, e-mails, handles, honorifics and "Staff"', () => {
    expect(parseCredit('By Jane Doe | March 5, 2024', 'element').names).toEqual(['Jane Doe']);
    expect(parseCredit('Written by @jdoe jane@example.com Jane Doe', 'text').names).toEqual(['Jane Doe']);
    expect(parseCredit('Author: Dr. Ana Souza', 'text').names).toEqual(['Ana Souza']);
    expect(parseCredit('By Staff', 'text').names).toEqual([]);
  });

  it('finds a credit glued into a meta line, as text renderings print them', () => {
    expect(parseCredit('Posted on 28 July 2019AuthorJane Doe4 Comments', 'text').names).toEqual(['Jane Doe']);
    expect(parseCredit('Geschrieben vonMax Mustermann', 'text').names).toEqual(['Max Mustermann']);
    // In a sentence, "von" is an ordinary word, not a credit.
    expect(parseCredit('Die Rede von Angela Merkel im Bundestag wurde am Dienstag lange diskutiert und kritisiert, auch von der Opposition.', 'text').names).toEqual([]);
  });

  it('reads "By" glued to the name, as innerText prints "<span>By</span><a>Name</a>", but no word that opens with "By"', () => {
    expect(parseCredit('ByJane Doe', 'text')).toEqual({ names: ['Jane Doe'], hadPrefix: true });
    expect(parseCredit('ByJ.R. Stone', 'text').names).toEqual(['J.R. Stone']);
    expect(parseCredit('Bystanders filmed the crash', 'text').hadPrefix).toBe(false);
  });

  it("drops a sentence's period after a surname, not an initial's, an abbreviation's or a lone word's", () => {
    expect(parseCredit('By Tatyana Turner.', 'text').names).toEqual(['Tatyana Turner']);
    expect(parseCredit('By Jane Doe Jr.', 'element').names).toEqual(['Jane Doe Jr.']);
    expect(parseCredit('red.', 'declared').names).not.toContain('red');
  });

  it('drops the place a reporter files from, an outlet possessive and an outlet after "for"', () => {
    expect(parseCredit('By Jane Doe, London, and John Roe', 'element').names).toEqual(['Jane Doe', 'John Roe']);
    expect(parseCredit("By NBC's Jane Doe", 'text').names).toEqual(['Jane Doe']);
    expect(parseCredit('Jane Doe And John Roe For The Sunday Ledger', 'declared').names).toEqual(['Jane Doe', 'John Roe']);
    // A declared organisation keeps its "for".
    expect(parseCredit('Organization for Transformative Works', 'declared').names).toEqual(['Organization for Transformative Works']);
  });

  it('drops the outlet and the desk after a reporter\'s name', () => {
    expect(parseCredit('By Jane Doe, Ledger News, Springfield', 'element').names).toEqual(['Jane Doe']);
    expect(parseCredit('Jane Doe, Health Reporter, Springfield Daily', 'element').names).toEqual(['Jane Doe']);
  });

  it('cuts an agency or a job title run on after a name, and an outlet possessive of two words', () => {
    expect(parseCredit('By JANE DOE AP Sports Writer', 'element').names).toEqual(['Jane Doe']);
    expect(parseCredit('BY JOHN ROE ASSOCIATED PRESS', 'text').names).toEqual(['John Roe']);
    expect(parseCredit("Ledger News' Jane Doe and John Roe", 'element').names).toEqual(['Jane Doe', 'John Roe']);
    // An agency's desk is nobody.
    expect(parseCredit('AP Business Writer', 'element').names).toEqual([]);
  });

  it('keeps the name before an outlet joined by a slash, and drops a label after a lost separator', () => {
    expect(parseCredit('By Jane Doe/Ledger.com on March 5, 2024', 'element').names).toEqual(['Jane Doe']);
    expect(parseCredit('By Jane Doe ? More by this author', 'element').names).toEqual(['Jane Doe']);
    expect(parseCredit('Published: March', 'element').names).toEqual([]);
  });

  it('splits credit groups at marks and spaced dashes, not at a dash inside a name', () => {
    expect(parseCredit('By Jane Doe | 5 March 2024', 'text').names).toEqual(['Jane Doe']);
    expect(parseCredit('By Jane Doe|John Roe', 'text').names).toEqual(['Jane Doe', 'John Roe']);
    expect(parseCredit('By Jane Doe\n\n  |  John Roe', 'text').names).toEqual(['Jane Doe', 'John Roe']);
    expect(parseCredit('By Jane Doe - Political Correspondent', 'text').names).toEqual(['Jane Doe']);
    expect(parseCredit('By Jane Doe-Smith • Staff writer', 'text').names).toEqual(['Jane Doe-Smith']);
  });

  it("reads a marked element's lines apart: the first credit line, not the outlet or an account menu below it", () => {
    expect(parseCredit('By JANE DOE AND JOHN ROE\nLedger Newspapers', 'element').names).toEqual(['Jane Doe', 'John Roe']);
    expect(parseCredit('By Jane Doe\nThe Daily Ledger', 'element').names).toEqual(['Jane Doe']);
    expect(parseCredit('Sign in | Subscribe\nMy Ledger\nShow Menu', 'element').names).toEqual([]);
  });

  it('reads the byline and date under the headline when the body was found to start far above it', () => {
    const nav = Array.from({ length: 30 }, (_, i) => `Menu entry ${i}`);
    const m = run({
      meta: { titleTag: 'Bus network to grow north - Ledger', h1: ['Bus network to grow north'] },
      blocks: ['Search', ...nav, 'Bus network to grow north', 'By JANE DOE and JOHN ROE March 5, 2024; Page A7', ...PROSE],
      body: [0, 33, 34],
      blockOverrides: { 31: { kind: 'heading', tag: 'h1', level: 1 } },
    });
    expect(m.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(m.published?.slice(0, 10)).toBe('2024-03-05');
  });

  it('reads the credit that opens a long "Posted by" meta line, but not prose that opens with "By"', () => {
    const tags = Array.from({ length: 30 }, (_, i) => `Tag${i},`).join(' ');
    expect(run({ blocks: [`Posted by Jane Doe @ 5:56 am Categories: Transit, Council Tags: ${tags}`, ...PROSE], body: [1, 2] }).authors).toEqual(['Jane Doe']);
    expect(run({ blocks: [`By The Time The Council Met, ${tags}`, ...PROSE], body: [1, 2] }).authors).toEqual([]);
  });

  it('reads a credit label that stands on its own line above the name', () => {
    const m = run({ blocks: ['Autor:', 'Jane Doe/Ledger', ...PROSE], body: [2, 3], blockOverrides: { 0: { kind: 'heading', tag: 'h5', level: 5 } } });
    expect(m.authors).toEqual(['Jane Doe']);
    // A heading "Author" above a paragraph of prose is no credit.
    const prose = run({ blocks: ['Author', 'The council met on Tuesday to discuss the bus network and its future.', ...PROSE], body: [2, 3] });
    expect(prose.authors).toEqual([]);
  });

  it('drops an outlet that opens with an article when a person is credited beside it', () => {
    const m = run({ meta: { metas: meta({ author: 'Jane Doe, The Agile Ledger' }) }, blocks: PROSE });
    expect(m.authors).toEqual(['Jane Doe']);
  });

  it('reads a date line that names someone, after every labelled credit, and never an outlet or calendar words', () => {
    expect(run({ blocks: ['11.12.2019 – Ana Souza', ...PROSE], body: [1, 2] }).authors).toEqual(['Ana Souza']);
    expect(run({ blocks: ['By Nora Vale', '11.12.2019 – Ana Souza', ...PROSE], body: [2, 3] }).authors).toEqual(['Nora Vale']);
    expect(run({ blocks: ['11.12.2019 | Springfield Daily Star', ...PROSE], body: [1, 2] }).authors).toEqual([]);
    expect(parseCredit('By Thursday Jan', 'text').names).toEqual([]);
  });

  it('keeps short agency credits that would not pass as names', () => {
    expect(run({ blocks: ['By CP', ...PROSE], body: [1, 2] }).authors).toEqual(['CP']);
    expect(run({ blocks: ['By WENN', ...PROSE], body: [1, 2] }).authors).toEqual(['WENN']);
  });

  it('does not read an account menu marked as a byline', () => {
    expect(parseCredit('Sign In| Sign Up| Subscribe My Ledger Show Menu', 'element').names).toEqual([]);
  });

  it("stops a credit at an editor's or photographer's credit on the same line", () => {
    expect(parseCredit('Written by Ana Souza Edited by Nora Vale', 'element').names).toEqual(['Ana Souza']);
  });

  it('does not credit a photographer as the author', () => {
    expect(parseCredit('Can you spot the anomaly? Photo by Ana Souza', 'text').names).toEqual([]);
    const m = run({ blocks: ['Harbour at dawn. Photo by Ana Souza', 'By Nora Vale', ...PROSE], body: [2, 3], blockOverrides: { 0: { kind: 'caption', tag: 'figcaption' } } });
    expect(m.authors).toEqual(['Nora Vale']);
  });

  it('does not read prose that starts with "By" as a byline', () => {
    expect(parseCredit('By the time we arrived, it was over', 'text').names).toEqual([]);
  });

  it('keeps an agency only when nobody else is credited', () => {
    const agencyOnly = run({ blocks: ['By Reuters', ...PROSE], body: [1, 2] });
    expect(agencyOnly.authors).toEqual(['Reuters']);
    const withPerson = run({ meta: { bylines: [{ text: 'Max Mustermann, dpa', blockIndex: 0, source: 'class' }] }, blocks: ['Max Mustermann, dpa', ...PROSE], body: [1, 2] });
    expect(withPerson.authors).toEqual(['Max Mustermann']);
  });

  it('prefers a person to the outlet credited as author', () => {
    const m = run({
      url: 'https://www.ledger.example/city/bus',
      meta: { metas: meta({ author: 'LEDGER.example' }) },
      blocks: ['By Nora Vale', ...PROSE],
      body: [1, 2],
    });
    expect(m.authors).toEqual(['Nora Vale']);
  });

  it('keeps digits of a user name but cuts a count glued to a name', () => {
    expect(parseCredit('freeman1984', 'element').names).toEqual(['freeman1984']);
    expect(parseCredit('By Jane Doe4 Comments', 'text').names).toEqual(['Jane Doe']);
    expect(parseCredit('Von Tomas Spahn Fr 12.03.2021', 'text').names).toEqual(['Tomas Spahn']);
  });

  it('rejects placeholders and de-duplicates names across case and accents', () => {
    const m = run({ meta: { metas: meta({ author: 'admin' }), bylines: [{ text: 'José Núñez', blockIndex: 0, source: 'class' }, { text: 'JOSE NUNEZ', blockIndex: 0, source: 'class' }] }, blocks: ['José Núñez', ...PROSE], body: [1, 2] });
    expect(m.authors).toEqual(['José Núñez']);
    expect(run({ meta: { metas: meta({ author: '{{author}}' }) }, blocks: PROSE }).authors).toEqual([]);
  });

  it('ignores an author meta holding a profile URL and a bare twitter handle', () => {
    const m = run({ meta: { metas: meta({ 'article:author': 'https://example.org/people/ana', 'twitter:creator': '@ana' }) }, blocks: PROSE });
    expect(m.authors).toEqual([]);
  });

  it('does not take a byline from the comment section', () => {
    const m = run({
      blocks: [...PROSE, 'By Troll Person'],
      body: [0, 1],
      blockOverrides: { 2: { hint: 'comments' } },
    });
    expect(m.authors).toEqual([]);
  });
});

describe('dates', () => {
  const now = new Date(NOW);

  it('reads a Chinese sentence that mentions dates as prose, not as a date line, and still reads the date line', () => {
    // Chinese writes no spaces: a whole sentence reaches the word count as one "word", which held a year.
    const body = [
      '河畔新城的渡口在春季洪水中受损后关闭了整整一年，居民们每天不得不绕行环城公路，往返时间增加了四十多分钟，沿岸的集市摊主也失去了将近五分之一的顾客。',
      '市议会于周二晚间经过三个小时的讨论，最终投票决定重新开放渡口，修复费用将从防洪储备金中支出，而不是开征新的税费。',
      '交通委员会主席在会上逐条宣读了工程师的勘察报告，她表示，委员会认真听取了每一条反对意见，并且对每一项意见都做了成本核算。',
      '据介绍，这座渡口始建于1987年，2009年曾进行过一次大规模翻修，2016年10月14日又因设备老化短暂停运，此后一直由同一家公司运营。',
      '渡口运营方表示，初期将实行缩减班次，早上七点开出首班船，晚上八点开出末班船，待客流恢复后再逐步增加班次。',
    ];
    const page = ['首页', '新闻', '体育', '', '河畔新城渡口将在市议会投票后重新开放', '', '发稿时间：2024-03-12 08:42:00 来源： 河畔日报', '', ...body.flatMap((p) => [p, '']), '相关新闻', '', '防洪储备金将获补充', '集市摊主细数绕行损失'].join('\n');
    const article = extract(page, { format: 'text', now: NOW });
    expect(article.paragraphs).toEqual(body);
    expect(article.published).toBe('2024-03-12T08:42:00');
  });

  it('keeps a Chinese lead sentence with its date in the article, and a date line naming a long source out of it', () => {
    const rest = [
      '市议会于周二晚间经过三个小时的讨论，最终投票决定重新开放渡口，修复费用将从防洪储备金中支出，而不是开征新的税费。',
      '交通委员会主席在会上逐条宣读了工程师的勘察报告，她表示，委员会认真听取了每一条反对意见，并且对每一项意见都做了成本核算。',
      '渡口运营方表示，初期将实行缩减班次，早上七点开出首班船，晚上八点开出末班船，待客流恢复后再逐步增加班次。',
    ];
    const page = (dateLine: string, paragraphs: string[]): string =>
      `<html lang="zh"><head><title>河畔新城渡口将重新开放</title></head><body><article><h1>河畔新城渡口将重新开放</h1><div>${dateLine}</div>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    // A short sentence ending in "。" is a sentence, however few spaces it has.
    const lead = '本报讯 2024年3月12日，日本央行时隔17年首次加息。';
    const withLead = extract(page('发稿时间：2024-03-12 08:42:00 来源： 河畔日报', [lead, ...rest]), { now: NOW });
    expect(withLead.paragraphs).toEqual([lead, ...rest]);
    expect(withLead.published).toBe('2024-03-12T08:42:00');
    // A long name without a digit beside the date is the line's source, not a sentence.
    const longSource = '2024年3月12日 来源：中华人民共和国外交部驻香港特别行政区特派员公署';
    const sourced = extract(page(longSource, rest), { now: NOW });
    expect(sourced.paragraphs).toEqual(rest);
    expect(sourced.published).toBe('2024-03-12');
  });

  it('parses machine dates with and without offsets', () => {
    expect(parseMachineDate('2024-03-05T10:52:50+0100', now)?.iso).toBe('2024-03-05T10:52:50+01:00');
    expect(parseMachineDate('2024-03-05T10:52:50.000Z', now)?.iso).toBe('2024-03-05T10:52:50Z');
    expect(parseMachineDate('2024-03-05', now)?.iso).toBe('2024-03-05');
    expect(parseMachineDate('2024-03-05 10:52', now)?.iso).toBe('2024-03-05T10:52:00');
  });

  it('reads human date lines in several languages and formats', () => {
    const opts = { now, monthFirst: false };
    expect(findDateInText('5 March 2024', opts)?.iso).toBe('2024-03-05');
    expect(findDateInText('Published March 5, 2024, 10:30 a.m. EST', opts)?.iso).toBe('2024-03-05T10:30:00-05:00');
    expect(findDateInText('Veröffentlicht am 5. März 2024, 10:52 Uhr', opts)?.iso).toBe('2024-03-05T10:52:00');
    expect(findDateInText('05.03.2024', opts)?.iso).toBe('2024-03-05');
    expect(findDateInText('le 1er mars 2024', opts)?.iso).toBe('2024-03-01');
    expect(findDateInText('5 de marzo de 2024', opts)?.iso).toBe('2024-03-05');
    expect(findDateInText('5 maggio 2024', opts)?.iso).toBe('2024-05-05');
    expect(findDateInText('5 maart 2024', opts)?.iso).toBe('2024-03-05');
    expect(findDateInText('2024年3月5日', opts)?.iso).toBe('2024-03-05');
    expect(findDateInText('Tue, 05 Mar 2024 10:00:00 +0100', opts)?.iso).toBe('2024-03-05T10:00:00+01:00');
  });

  it('reads the first of two dates a text rendering glued together (a theme’s published and updated dates)', () => {
    const opts = { now, monthFirst: false };
    expect(findDateInText('Veröffentlicht am 10. Februar 20249. März 2024 von jdoe', opts)?.iso).toBe('2024-02-10');
    expect(findDateInText('17/01/202417/02/2024 ~ Jane Doe', opts)?.iso).toBe('2024-01-17');
    expect(findDateInText('28. Januar 202414. Mai 2024', opts)?.iso).toBe('2024-01-28');
    // Five digits with no date after them are no year: an order number stays whole.
    expect(findDateInText('Order 20241. Shipped today', opts)).toBeNull();
    expect(findDateInText('Invoice 201903/2 paid', opts)).toBeNull();
  });

  it('reads an ambiguous slash date month-first only for US English', () => {
    expect(findDateInText('03/05/2024', { now, monthFirst: true })?.iso).toBe('2024-03-05');
    expect(findDateInText('03/05/2024', { now, monthFirst: false })?.iso).toBe('2024-05-03');
    expect(findDateInText('25/12/2023', { now, monthFirst: true })?.iso).toBe('2023-12-25');
  });

  it('rejects future dates and impossible days', () => {
    expect(parseMachineDate('2030-01-01', now)).toBeNull();
    expect(parseMachineDate('2024-02-30', now)).toBeNull();
    const m = run({ meta: { metas: meta({ 'article:published_time': '2031-05-01T00:00:00Z', date: '2024-04-01' }) }, blocks: PROSE });
    expect(m.published).toBe('2024-04-01');
  });

  it('falls back to the URL path, and keeps modified only when it is not before published', () => {
    expect(dateFromUrl('https://news.example/2024/03/05/bus-network', now)?.iso).toBe('2024-03-05');
    const fromUrl = run({ blocks: PROSE, url: 'https://news.example/2024/03/05/bus-network' });
    expect(fromUrl.published).toBe('2024-03-05');
    expect(fromUrl.provenance.published).toBe('url');
    const backwards = run({ meta: { metas: meta({ 'article:published_time': '2024-03-05T10:00:00Z', 'article:modified_time': '2024-03-01T10:00:00Z' }) }, blocks: PROSE });
    expect(backwards.modified).toBeNull();
  });

  it('reads the date of a long byline line ("By Jane Doe on March 5, 2024 at 5:00 PM, updated …")', () => {
    const m = run({ blocks: ['By Jane Doe on March 5, 2024 at 5:00 PM, updated March 5, 2024 at 5:34 PM with more from the council', ...PROSE], body: [1, 2] });
    expect(m.published?.slice(0, 10)).toBe('2024-03-05');
    expect(m.authors).toEqual(['Jane Doe']);
  });

  it('takes an update stamp as the published day when the page prints no other date, and a date heading', () => {
    const m = run({ blocks: ['Updated March 5, 2024, 9:16 a.m. ET', ...PROSE], body: [1, 2] });
    expect(m.published?.slice(0, 10)).toBe('2024-03-05');
    const heading = run({ blocks: ['Posted on Tue, Mar. 5, 2024 09:15 PM', ...PROSE], body: [1, 2], blockOverrides: { 0: { kind: 'heading', tag: 'h5', level: 5 } } });
    expect(heading.published?.slice(0, 10)).toBe('2024-03-05');
  });

  it('takes "Updated" lines as modified and a dateline as published, and marks them as consumed', () => {
    const m = run({ blocks: ['Published 4 March 2024 · Updated 5 March 2024', ...PROSE], body: [1, 2] });
    expect(m.published).toBe('2024-03-04');
    expect(m.modified).toBe('2024-03-05');
    expect(m.bylineBlocks).toEqual([0]);
  });

  it('reads a date line inside the body and the date that opens the lead paragraph, after those around its start', () => {
    const inner = run({ blocks: [...PROSE, ...PROSE, ...PROSE, 'Dienstag, 25. Januar 2022', ...PROSE], blockOverrides: { 6: { hint: 'dateline' } } });
    expect(inner.published).toBe('2022-01-25');
    const lead = run({ blocks: [`27.1.2022 – ${PROSE[0] ?? ''}`, ...PROSE.slice(1)] });
    expect(lead.published).toBe('2022-01-27');
    const both = run({ blocks: ['5 March 2024', `27.1.2022 – ${PROSE[0] ?? ''}`, ...PROSE.slice(1)], body: [1, 2] });
    expect(both.published).toBe('2024-03-05');
  });

  it('prefers a date printed beside the article to a generic date meta, but not to article:published_time', () => {
    const generic = run({ meta: { metas: meta({ date: '2024-05-30T10:00:00Z' }) }, blocks: ['5 March 2024', ...PROSE], body: [1, 2] });
    expect(generic.published).toBe('2024-03-05');
    expect(generic.provenance.published).toBe('text');
    const declared = run({ meta: { metas: meta({ 'article:published_time': '2024-05-30T10:00:00Z' }) }, blocks: ['5 March 2024', ...PROSE], body: [1, 2] });
    expect(declared.published).toBe('2024-05-30T10:00:00Z');
    expect(run({ meta: { metas: meta({ date: '2024-05-30' }) }, blocks: PROSE }).published).toBe('2024-05-30');
  });

  it('leaves a short body sentence that mentions a date in the body', () => {
    const m = run({ blocks: ['Voting opened on 5 March 2024.', ...PROSE] });
    expect(m.bylineBlocks).toEqual([]);
  });

  it('never takes a date from the comments', () => {
    const m = run({
      meta: { times: [{ datetime: '2024-05-30T08:00:00Z', text: 'May 30', blockIndex: 2 }] },
      blocks: [...PROSE, 'Great article! Posted 30 May 2024'],
      body: [0, 1],
      blockOverrides: { 2: { hint: 'comments' } },
    });
    expect(m.published).toBeNull();
  });
});

describe('title', () => {
  it('on a text page, takes the headline over the byline above the body when the pick before selection lies far from it', () => {
    const login = 'Log in with your account to save articles, follow topics and get the newsletter that suits you best every morning.';
    const blocks = ['Sign in', login, 'Register', ...Array.from({ length: 22 }, (_, i) => `Menu entry ${i}`), 'How the brain turns signals into thought', 'By Ana Sandoiu', 'Published 27 July 2017', ...PROSE];
    const n = blocks.length;
    const overrides: Record<number, Partial<Block>> = { [n - 4]: { hint: 'byline', hintToken: 'text:byline-prefix' }, [n - 3]: { hint: 'dateline', hintToken: 'text:date-line' } };
    // The segmenter anchored its pick to the login prompt: the h1 fact names a line far above the body.
    const m = run({ format: 'text', meta: { h1: ['Register for a free account'] }, blocks, body: [n - 2, n - 1], blockOverrides: overrides });
    expect(m.title).toBe('How the brain turns signals into thought');
  });

  it('on a text page, passes over a standfirst and a credit line that are no headline', () => {
    const dek = 'The council says the new routes will cut waiting times in the northern districts by half within a year.';
    const blocks = ['Buses to reach the northern districts', dek, 'By Ana Sandoiu', ...PROSE];
    const m = run({ format: 'text', blocks, body: [3, 4], blockOverrides: { 2: { hint: 'byline', hintToken: 'text:byline-prefix' } } });
    expect(m.title).toBe('Buses to reach the northern districts');
    const credit = run({ format: 'text', blocks: ['Fleur Leyden', 'By Ana Sandoiu', ...PROSE], body: [2, 3], blockOverrides: { 1: { hint: 'byline', hintToken: 'text:byline-prefix' } } });
    expect(credit.title).not.toBe('Fleur Leyden');
  });

  it('strips a site suffix only when the rest is a real headline', () => {
    expect(splitSiteName('Bus network to grow north | The Daily Ledger', null)).toEqual({ headline: 'Bus network to grow north', site: 'The Daily Ledger' });
    expect(splitSiteName('Home | Ledger', null).site).toBeNull();
    expect(splitSiteName('The Daily Ledger — Bus network to grow north', 'The Daily Ledger').headline).toBe('Bus network to grow north');
  });

  it('takes the longest part of a title cut by several strong separators, and strips a glued CJK site name', () => {
    expect(splitSiteName('Ledger Blog | Bus network to grow into the north | Archive', null).headline).toBe('Bus network to grow into the north');
    expect(splitSiteName('市议会决定扩展公交网络到北部地区-新闻网', null)).toEqual({ headline: '市议会决定扩展公交网络到北部地区', site: '新闻网' });
  });

  it('prefers the h1 that the <title> confirms, and marks its block', () => {
    const m = run({
      meta: { titleTag: 'Bus network to grow north - City - The Daily Ledger', h1: ['Bus network to grow north'] },
      blocks: ['Bus network to grow north', ...PROSE],
      blockOverrides: { 0: { kind: 'heading', tag: 'h1', level: 1 } },
    });
    expect(m.title).toBe('Bus network to grow north');
    expect(m.titleBlock).toBe(0);
  });

  it('never uses a brand-only og:title', () => {
    const m = run({ meta: { titleTag: 'Bus network to grow north | The Daily Ledger', metas: meta({ 'og:title': 'The Daily Ledger', 'og:site_name': 'The Daily Ledger' }) }, blocks: PROSE });
    expect(m.title).toBe('Bus network to grow north');
    expect(m.siteName).toBe('The Daily Ledger');
  });

  it('does not take a logo h1 for the headline', () => {
    const m = run({ meta: { titleTag: 'Ledger Blog: Bus network to grow north into the old districts', h1: ['Ledger Blog'], metas: meta({ 'og:title': 'Bus network to grow north into the old districts' }) }, blocks: PROSE });
    expect(m.title).toBe('Bus network to grow north into the old districts');
  });

  it('takes the visible part of a <title> that the separators alone cannot cut', () => {
    const m = run({
      meta: { titleTag: 'Bus network to grow north - The Daily Ledger, news from Springfield and the valley since 1901' },
      blocks: ['Bus network to grow north', ...PROSE],
      body: [1, 2],
      blockOverrides: { 0: { kind: 'heading', tag: 'h2', level: 2 } },
    });
    expect(m.title).toBe('Bus network to grow north');
    expect(m.provenance.title).toBe('heading');
  });

  it('does not take a visible site name for the headline', () => {
    const m = run({
      meta: { titleTag: 'Bus network to grow north - Daily Ledger Springfield', metas: meta({ 'og:title': 'Bus network to grow north' }) },
      blocks: ['Daily Ledger Springfield', ...PROSE],
    });
    expect(m.title).toBe('Bus network to grow north');
  });

  it("strips the site's name from a JSON-LD headline, and a short form of a long site name from the <title>", () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Bus network to grow north - Daily Ledger' });
    expect(run({ meta: { jsonLd: [ld], metas: meta({ 'og:site_name': 'Daily Ledger' }) }, blocks: PROSE }).title).toBe('Bus network to grow north');
    const m = run({ meta: { titleTag: 'Bus network to grow north | Ledger', metas: meta({ 'og:site_name': 'Ledger - News and Opinion' }) }, blocks: PROSE });
    expect(m.title).toBe('Bus network to grow north');
  });

  it("takes the h1 at the body's start over a site-wide <title> that shares no word with it", () => {
    const m = run({
      meta: { titleTag: 'Ledger Books - Field Guide to Buses', h1: ['Monitoring the northern routes', 'Definitions'] },
      blocks: ['Monitoring the northern routes', ...PROSE],
      blockOverrides: { 0: { kind: 'heading', tag: 'h1', level: 1 } },
    });
    expect(m.title).toBe('Monitoring the northern routes');
    // Without site parts in the <title>, the <title> stays.
    const plain = run({ meta: { titleTag: 'Bus network test page', h1: ['Lorem ipsum dolor'] }, blocks: ['Lorem ipsum dolor', ...PROSE], blockOverrides: { 0: { kind: 'heading', tag: 'h1', level: 1 } } });
    expect(plain.title).toBe('Bus network test page');
  });

  it("keeps a social-card title's short tail unless it names the site", () => {
    const kept = run({ meta: { metas: meta({ 'og:title': 'Bus network to grow north – a first look' }) }, blocks: PROSE });
    expect(kept.title).toBe('Bus network to grow north – a first look');
    const cut = run({ meta: { titleTag: 'Bus network to grow north | Daily Ledger', metas: meta({ 'og:title': 'Bus network to grow north - Daily Ledger' }) }, blocks: PROSE });
    expect(cut.title).toBe('Bus network to grow north');
  });

  it("prefers the post's title printed above the body to a blog name h1", () => {
    const m = run({
      meta: { titleTag: 'Ledger Notes » Archive » Bus network to grow north', h1: ['Ledger Notes'] },
      blocks: ['Ledger Notes', 'Bus network to grow north', ...PROSE],
      body: [2, 3],
      blockOverrides: { 0: { kind: 'heading', tag: 'h1', level: 1 }, 1: { kind: 'heading', tag: 'h2', level: 2 } },
    });
    expect(m.title).toBe('Bus network to grow north');
  });

  it('strips a kicker element from the h1 and from a declared title that repeats it', () => {
    const m = run({
      meta: { titleTag: 'Transit: Bus network to grow north | Ledger', h1: ['Transit: Bus network to grow north'], h1Kickers: ['Transit'], metas: meta({ 'og:title': 'Transit: Bus network to grow north' }) },
      blocks: ['Transit: Bus network to grow north', ...PROSE],
      body: [1, 2],
      blockOverrides: { 0: { kind: 'heading', tag: 'h1', level: 1 } },
    });
    expect(m.title).toBe('Bus network to grow north');
    expect(m.titleBlock).toBe(0);
  });

  it("never takes a title that spells out the site's host name, and takes the part of the <title> printed above the body", () => {
    const brand = run({ meta: { titleTag: 'dailyledger.com - Transit- Bus network to grow north', metas: meta({ title: 'Daily Ledger' }) }, blocks: ['Bus network to grow north', ...PROSE], body: [1, 2] });
    expect(brand.title).toBe('Bus network to grow north');
    const part = run({ meta: { titleTag: 'Welcome to www.dailyledger.com - Transit - Bus network to grow north' }, blocks: ['Bus network to grow north', ...PROSE], body: [1, 2] });
    expect(part.title).toBe('Bus network to grow north');
  });

  it('takes the heading above the body when the h1 is a section name that the <title> names beside the headline or the host', () => {
    const section = run({
      meta: { titleTag: 'Bus network to grow north - Transit - Ledger', h1: ['Transit'] },
      blocks: ['Transit', 'Bus network to grow north', ...PROSE],
      body: [2, 3],
      blockOverrides: { 0: { kind: 'heading', tag: 'h1', level: 1 }, 1: { kind: 'heading', tag: 'h2', level: 2 } },
    });
    expect(section.title).toBe('Bus network to grow north');
    const hostOnly = run({
      meta: { titleTag: 'ledger.com - Local Transit Wire', h1: ['Local Transit Wire'] },
      blocks: ['Local Transit Wire', 'Bus network to grow north', ...PROSE],
      body: [1, 2, 3],
      blockOverrides: { 0: { kind: 'heading', tag: 'h1', level: 1 }, 1: { kind: 'heading', tag: 'h2', level: 2 } },
    });
    expect(hostOnly.title).toBe('Bus network to grow north');
  });

  it('takes the heading above the body on a page without any title, and a visible headline without its trailing date', () => {
    const none = run({ blocks: ['Bus network to grow north', ...PROSE], body: [1, 2], blockOverrides: { 0: { kind: 'heading', tag: 'h2', level: 2 } } });
    expect(none.title).toBe('Bus network to grow north');
    const dated = run({ meta: { titleTag: 'Bus network to grow north: Transit: Ledger' }, blocks: ['Bus network to grow north 28/12/2007 11:27 - (SA)', ...PROSE], body: [1, 2] });
    expect(dated.title).toBe('Bus network to grow north');
  });

  it('cuts a "by <host name>" signature from a title, and reads a visible headline with its byline glued on', () => {
    expect(run({ meta: { titleTag: 'Bus network to grow north, council says by www.dailyledger.com' }, blocks: PROSE }).title).toBe('Bus network to grow north, council says');
    const glued = run({ meta: { titleTag: 'Bus network to grow north - Local - Transit - Daily Ledger' }, blocks: ['Bus network to grow north By Jane Doe and John Roe', ...PROSE], body: [1, 2] });
    expect(glued.title).toBe('Bus network to grow north');
  });

  it('takes the first level-1 heading of a plain-text page', () => {
    const m = run({
      format: 'text',
      blocks: ['Menu Home News', 'Bus network to grow north', ...PROSE],
      body: [2, 3],
      blockOverrides: { 1: { kind: 'heading', tag: 'line', level: 1 } },
    });
    expect(m.title).toBe('Bus network to grow north');
    expect(m.titleBlock).toBe(1);
    expect(m.provenance.title).toBe('heading');
  });
});

describe('language', () => {
  it('normalises declared tags', () => {
    expect(normaliseLangTag('en_US')).toBe('en-US');
    expect(normaliseLangTag('PT-br')).toBe('pt-BR');
    expect(normaliseLangTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normaliseLangTag('x')).toBeNull();
    expect(run({ meta: { htmlLang: 'de_DE' }, blocks: PROSE }).lang).toBe('de-DE');
  });

  it('detects Latin-script languages from stopwords', () => {
    const samples: Record<string, string> = {
      en: 'The council said that it would not change the plan, and the mayor was asked about it by reporters who were there at the time of the vote.',
      de: 'Der Rat hat am Dienstag beschlossen, dass die Busse auch in den nördlichen Vierteln fahren sollen, und die Bürger sind mit der Entscheidung nicht zufrieden.',
      fr: 'Le conseil a décidé mardi que les bus iront aussi dans les quartiers du nord, et les habitants qui sont venus à la réunion ne sont pas tous contents de cette décision.',
      es: 'El consejo decidió el martes que los autobuses también irán a los barrios del norte, y los vecinos que fueron a la reunión no están contentos con la decisión.',
      it: 'Il consiglio ha deciso martedì che gli autobus andranno anche nei quartieri del nord, e i cittadini che sono venuti alla riunione non sono contenti della decisione per la città.',
      pt: 'O conselho decidiu na terça que os ônibus também vão para os bairros do norte, e os moradores que foram à reunião não estão contentes com a decisão da cidade.',
    };
    for (const [lang, text] of Object.entries(samples)) expect(detectLanguage(text), lang).toBe(lang);
  });

  it('detects CJK and other scripts by their Unicode ranges', () => {
    expect(detectLanguage('東京都は5日、新しいバス路線を北部の地区に広げると発表した。')).toBe('ja');
    expect(detectLanguage('市议会周二决定将公交网络扩展到北部地区。')).toBe('zh');
    expect(detectLanguage('시의회는 화요일 버스 노선을 북부 지역으로 확대하기로 결정했다.')).toBe('ko');
    expect(detectLanguage('Городской совет во вторник решил расширить сеть автобусов.')).toBe('ru');
    expect(detectLanguage('Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να επεκτείνει το δίκτυο.')).toBe('el');
  });

  it('reads text in capitals as its lowercase form, for the script as for the stopwords', () => {
    expect(detectLanguage('ΤΟ ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ ΑΠΟΦΑΣΙΣΕ ΤΗΝ ΤΡΙΤΗ ΝΑ ΕΠΕΚΤΕΙΝΕΙ ΤΟ ΔΙΚΤΥΟ ΤΩΝ ΛΕΩΦΟΡΕΙΩΝ.')).toBe('el');
    expect(detectLanguage('THE CITY COUNCIL VOTED ON TUESDAY TO EXTEND THE BUS NETWORK TO THE NORTHERN DISTRICTS, AND THE MAYOR SAID THAT THE NEW LINES WILL OPEN IN THE SPRING.')).toBe('en');
    // "İ" lowercases to "i" and a combining mark: one letter still, and a Latin one.
    expect(detectLanguage('İSTANBUL: The city council voted on Tuesday to extend the bus network to the northern districts, and the mayor said that the new lines will open in the spring.')).toBe('en');
  });

  it('says nothing for too little text', () => {
    expect(detectLanguage('Bus network')).toBeNull();
  });

  it('uses detection only when the page declares nothing, and says so', () => {
    const m = run({ blocks: ['Der Rat hat am Dienstag beschlossen, dass die Busse auch in den nördlichen Vierteln fahren sollen, und die Bürger sind mit der Entscheidung nicht zufrieden, weil sie nicht gefragt wurden.'] });
    expect(m.lang).toBe('de');
    expect(m.provenance.lang).toBe('detected');
  });
});

describe('page facts', () => {
  it('resolves canonical URL and image against the page URL and keeps only http(s)', () => {
    const m = run({
      url: 'https://news.example/city/bus?utm=1',
      meta: { links: [{ rel: 'canonical', href: '/city/bus' }], metas: meta({ 'og:image': 'data:image/png;base64,AAAA', 'twitter:image': '/img/bus.jpg' }) },
      blocks: PROSE,
    });
    expect(m.url).toBe('https://news.example/city/bus');
    expect(m.image).toBe('https://news.example/img/bus.jpg');
  });

  it('falls back to options.url and to the first body image', () => {
    const m = run({ url: 'https://news.example/a', meta: { images: [{ src: 'pic.jpg', blockIndex: 1 }] }, blocks: PROSE });
    expect(m.url).toBe('https://news.example/a');
    expect(m.image).toBe('https://news.example/pic.jpg');
    expect(m.provenance.url).toBe('url');
  });

  it('reads description, section and tags; an SEO keyword dump is not tags', () => {
    const m = run({ meta: { metas: [...meta({ 'og:description': 'Buses go north.', 'article:section': 'City' }), { key: 'article:tag', content: 'Transport' }, { key: 'article:tag', content: 'Council' }] }, blocks: PROSE });
    expect(m.description).toBe('Buses go north.');
    expect(m.section).toBe('City');
    expect(m.tags).toEqual(['Transport', 'Council']);
    const dump = Array.from({ length: 30 }, (_, i) => `word${i}`).join(', ');
    expect(run({ meta: { metas: meta({ keywords: dump }) }, blocks: PROSE }).tags).toEqual([]);
    expect(run({ meta: { metas: meta({ keywords: 'buses, council' }) }, blocks: PROSE }).tags).toEqual(['buses', 'council']);
  });

  it('returns null and [] for a page without any metadata', () => {
    const m = run({ blocks: PROSE });
    expect(m).toMatchObject({ title: null, authors: [], published: null, modified: null, siteName: null, description: null, url: null, image: null, section: null, tags: [] });
  });
});

describe('foldsTo', () => {
  it('answers as comparing the whole fold would, whatever the text holds', () => {
    const title = foldTitle('Council backs the new bridge');
    const texts = [
      'Council backs the new bridge', 'COUNCIL BACKS THE NEW BRIDGE', '  Council backs  the new bridge  ', 'Council backs the new bridge.',
      'Council backs the new bridge\u00a0', 'Council\u00a0backs the new bridge', 'Council backs the new bridge \u00a0', 'Council backs the new bridg',
      '\ufeffCouncil backs the new bridge', 'Council backs the new bri\u0301dge', 'Council backs the new \u212aridge', 'Council backs the\tnew bridge',
      'Council backs the new bridge \u2014 Ledger', '', ' ',
    ];
    for (const text of texts) expect([text, foldsTo(text, title)]).toEqual([text, foldTitle(text) === title]);
    expect(texts.filter((t) => foldsTo(t, title)).length).toBeGreaterThan(2);
  });
});

describe('publishedByCredit: a theme\'s "published on <date> by <name>" phrase', () => {
  it.each([
    ['Veröffentlicht am 13. März 2019 von Jane Doe-Miller', 'Jane Doe-Miller'],
    ['Posted on 2015-04-05 by jdoe | Leave a comment', 'jdoe'],
    ['Veröffentlicht am Fr, 24. Januar 2020, 18:18 von Creeny', 'Creeny'],
    ['Veröffentlicht am 13. März 2019 von Ursula von der Leyen', 'Ursula von der Leyen'],
  ])('%s → %s', (line, name) => {
    expect(publishedByCredit(line)).toBe(name);
  });

  it.each([
    'Posted by Jane Doe',
    'Published on the harbour website by Jane Doe',
    'Published in 2019 by Penguin Books',
    'Geschrieben am Ende des Sommers von einem Freund, der nicht mehr in der Stadt lebt und uns die Briefe schickte',
  ])('names nobody in "%s"', (line) => {
    expect(publishedByCredit(line)).toBeNull();
  });
});

describe('joinedDateCredit: a theme\'s "<date> von <name>" line', () => {
  it.each([
    ['22. Dezember 2019 von Jane Doe', 'Jane Doe'],
    ['17/11/2019 ~ Jane Doe', 'Jane Doe'],
    ['November 6, 2012 by Jane Doe 0 Comments', 'Jane Doe'],
    ['1. Januar 2016 von Jane Doe Ein Kommentar', 'Jane Doe'],
    ['Dienstag, 13. Mai 2014, von Dr. Jane Doe', 'Jane Doe'],
  ])('%s → %s', (line, name) => {
    expect(joinedDateCredit(line)).toEqual([name]);
  });

  it.each([
    'Published in 2019 by Penguin Books',
    'In 2019 by contrast the council voted against it',
    'Space Station | 23 July 2012',
    'March 3, 2024 by the Harbour Times',
    '26. September 2019 Jane Doe Netzwerk, Windows',
    // No joiner: a theme prints its category there the same way ("Travel Tips").
    'March 3, 2024 Travel Tips 2 Comments',
    '12.03.2021 vom Landgericht Berlin',
  ])('names nobody in "%s"', (line) => {
    expect(joinedDateCredit(line)).toEqual([]);
  });

  it('credits the name on a text page where the line stands alone under the headline', () => {
    const prose = 'Es ist sechs Uhr früh und noch stockdunkel, und vom nahen Kloster dringen die Gesänge der Mönche herüber, während die ersten Busse fahren.';
    const page = ['Ein Tag in Colombo', '22. Dezember 2019 von Jane Doe', prose, prose.replace('sechs', 'sieben')].join('\n\n');
    expect(extract(page, { format: 'text' }).authors).toEqual(['Jane Doe']);
    // Set apart the same way, a headline with its date credits nobody, whichever comes first.
    expect(extract(page.replace('22. Dezember 2019 von Jane Doe', '3. März 2024 – Bürgermeister Eröffnet Bibliothek'), { format: 'text' }).authors).toEqual([]);
    expect(extract(page.replace('22. Dezember 2019 von Jane Doe', 'Space Station | 23 July 2012'), { format: 'text' }).authors).toEqual([]);
  });

  it('reads an HTML heading as a date credit only with a joiner word', () => {
    const prose = '<p>The council approved the budget on Tuesday after a long debate about schools, roads and the new library in the centre of town.</p>';
    const html = `<html><body><article><h1>Mayor Opens Library</h1><h2>3 March 2024 – Grand Opening</h2>${prose}${prose}${prose}</article></body></html>`;
    expect(extract(html).authors).toEqual([]);
    expect(extract(html.replace('3 March 2024 – Grand Opening', '3 March 2024 by Jane Doe')).authors).toEqual(['Jane Doe']);
  });
});
