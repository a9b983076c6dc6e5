import { describe, expect, it } from 'vitest';
import { detectWrapColumn, lineHint, segmentText } from '../../src/extract/segment-text.js';
import { relatedFromText } from '../../src/extract/related-text.js';
import { resolveOptions } from '../../src/options.js';
import type { Block } from '../../src/extract/block.js';

const options = resolveOptions({});
const seg = (text: string) => segmentText(text, options);
const texts = (blocks: readonly Block[]) => blocks.map((b) => b.text);
const prose = (n: number, word = 'word') => `${Array.from({ length: n }, () => word).join(' ')}.`;

const BODY_A = 'The council approved the budget on Tuesday after a long debate about schools, roads and the new library in the centre.';
const BODY_B = 'Opposition members said the plan would raise local taxes, while the mayor argued that the spending was overdue and necessary.';
const BODY_C = 'A final vote on the transport levy is expected next month, once the regional government has published its own figures.';

describe('segmentText: line endings and whitespace', () => {
  it('reads LF, CRLF and CR files alike', () => {
    const lf = `Title Of The Story\n\n${BODY_A}\n\n${BODY_B}\n`;
    expect(texts(seg(lf.replace(/\n/g, '\r\n')).blocks)).toEqual(texts(seg(lf).blocks));
    expect(texts(seg(lf.replace(/\n/g, '\r')).blocks)).toEqual(texts(seg(lf).blocks));
  });

  it('turns no-break spaces into spaces and drops trailing whitespace, keeping the text otherwise as given', () => {
    const { blocks } = seg(`Prices rose\u00a0by 3 %  in  March, teh agency said.   \t\n`);
    expect(blocks[0]?.text).toBe('Prices rose by 3 %  in  March, teh agency said.');
  });

  it('keeps every code unit of a block, with a surrogate pair (an emoji) across the middle of its text', () => {
    // Block texts are copied out of the page's string; the copy must not split or drop half of a pair.
    const line = `Fans waited outside 🎉 the stadium at dawn.`;
    const middle = line.length >> 1;
    expect(line.charCodeAt(middle - 1)).toBe(0xd83c);
    expect(seg(line).blocks[0]?.text).toBe(line);
  });

  it('reports the text format', () => {
    expect(seg(BODY_A).format).toBe('text');
  });
});

describe('segmentText: paragraphs', () => {
  it('splits at blank lines and marks blankBefore', () => {
    const { blocks } = seg(`${BODY_A}\n\n${BODY_B}`);
    expect(texts(blocks)).toEqual([BODY_A, BODY_B]);
    expect(blocks.every((b) => b.blankBefore)).toBe(true);
  });

  it('makes each line a block when the page has no blank lines', () => {
    const { blocks } = seg(`${BODY_A}\n${BODY_B}\n${BODY_C}`);
    expect(texts(blocks)).toEqual([BODY_A, BODY_B, BODY_C]);
    expect(blocks[1]?.blankBefore).toBe(false);
  });

  it('joins lines hard-wrapped at a constant column and counts the source lines', () => {
    const wrapped = [
      'The council approved the budget on Tuesday after a long debate about',
      'schools, roads and the new library in the centre of the town, which has',
      'been closed since the flood of last winter damaged its ground floor.',
      '',
      'Opposition members said the plan would raise local taxes, while the mayor',
      'argued that the spending was overdue and necessary for the whole region.',
    ].join('\n');
    expect(detectWrapColumn(wrapped.split('\n'))).not.toBeNull();
    const { blocks } = seg(wrapped);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.text).toBe(
      'The council approved the budget on Tuesday after a long debate about schools, roads and the new library in the centre of the town, which has been closed since the flood of last winter damaged its ground floor.',
    );
    expect(blocks[0]?.lines).toBe(3);
  });

  it('does not join a short line to the next even in a wrapped page', () => {
    const wrapped = [
      'The council approved the budget on Tuesday after a long debate about',
      'schools, roads and the new library in the centre of the town, which has',
      'been closed since the flood of last winter damaged its ground floor.',
      'He declined to comment.',
      'Opposition members said the plan would raise local taxes, while the mayor',
      'argued that the spending was overdue.',
    ].join('\n');
    const { blocks } = seg(wrapped);
    expect(texts(blocks)).toContain('He declined to comment.');
    expect(blocks).toHaveLength(3);
  });

  it('joins a hard-wrapped stanza inside an otherwise unwrapped page (a <pre> press release in a browser copy)', () => {
    const long = `${BODY_A} ${BODY_B}`;
    const release = [
      'The council approved the budget on Tuesday after a long debate about',
      'schools, roads and the new library in the centre of the town, which has',
      'been closed since the flood of last winter damaged its ground floor and',
      'most of the books that were kept in the basement rooms below the hall.',
      'Opposition members said the plan would raise local taxes, while the mayor',
      'argued that the spending was overdue and necessary for the whole region.',
    ];
    const { blocks } = seg([long, '', long, '', ...release, '', long].join('\n'));
    // The page's long lines rule out a page-wide wrap column; the stanza has its own.
    expect(blocks).toHaveLength(4);
    expect(blocks[2]?.text.startsWith('The council approved the budget on Tuesday after a long debate about schools,')).toBe(true);
    expect(blocks[2]?.text.endsWith('necessary for the whole region.')).toBe(true);
  });

  it('joins paragraphs wrapped with a hanging indent deep in source-formatted whitespace, and splits them at the first-line indent', () => {
    const long = `${BODY_A} ${BODY_B}`;
    const first = ' '.repeat(48);
    const hang = ' '.repeat(52);
    const stanza = [
      `${first}The council approved the budget on Tuesday after a very long debate`,
      `${hang}about schools, roads and the new library in the centre of the`,
      `${hang}town, which has been closed since the flood of last winter.`,
      `${first}Opposition members said the plan would raise local taxes, while the`,
      `${hang}mayor argued that the spending was overdue and necessary for the`,
      `${hang}whole region and its schools.`,
    ];
    const { blocks } = seg([long, '', ...stanza, '', long].join('\n'));
    expect(blocks.map((b) => b.text.slice(0, 24))).toEqual([long.slice(0, 24), 'The council approved the', 'Opposition members said ', long.slice(0, 24)]);
    expect(blocks[1]?.text.endsWith('closed since the flood of last winter.')).toBe(true);
    expect(blocks[2]?.text.endsWith('for the whole region and its schools.')).toBe(true);
  });

  it('joins paragraphs set with a first-line indent, and a line the wrapper began with a spaced dash', () => {
    const release = [
      '   The council approved the budget on Tuesday after a long debate',
      'about schools, roads and the new library in the centre of the town,',
      'which has been closed since the flood of last winter. The report, "Our',
      'Libraries after the Flood of Last Winter, the Second Report to Members',
      '- 2024 Edition," says that most of the books kept in the basement are',
      'lost for good, and the mayor said the repairs were overdue.',
      '',
      '   Opposition members said the plan would raise local taxes, while the',
      'mayor argued that the spending was necessary for the whole region and',
      'that the library would reopen before the end of the summer season.',
      '',
      'The plan funds three things:',
      '- new shelving for the whole ground floor of the library building',
      '- a pump for the basement rooms',
    ];
    const { blocks } = seg(release.join('\n'));
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'list-item', 'list-item']);
    expect(blocks[0]?.text).toContain('Second Report to Members - 2024 Edition," says');
    expect(blocks[1]?.text.endsWith('before the end of the summer season.')).toBe(true);
  });

  it('does not join a stanza of headlines, whatever their widths', () => {
    const long = `${BODY_A} ${BODY_B}`;
    const headlines = [
      'Council Approves The Budget After A Long Debate About Schools And Roads',
      'Opposition Says The Plan Will Raise Local Taxes Across The Whole Region',
      'Library Reopens After The Flood That Damaged Its Ground Floor Last Winter',
      'Mayor Argues That The Spending On Roads Was Overdue And Necessary Now',
      'Schools Get New Funding As The Regional Government Publishes Its Figures',
      'Transport Levy Vote Expected Next Month After The Summer Break Ends',
    ];
    const { blocks } = seg([long, '', ...headlines, '', long].join('\n'));
    expect(blocks).toHaveLength(8);
  });

  it('leaves long unwrapped lines alone (a browser copy is not hard-wrapped)', () => {
    expect(detectWrapColumn([BODY_A + ' ' + BODY_B, BODY_C + ' ' + BODY_A, BODY_B + ' ' + BODY_C])).toBeNull();
  });
});

describe('segmentText: lists and tables', () => {
  it('reads bullets as one unordered list with the markers removed', () => {
    const { blocks } = seg(`${BODY_A}\n\n• Schools get more money\n• Roads are repaired\n- The library reopens\n\n${BODY_B}`);
    const items = blocks.filter((b) => b.kind === 'list-item');
    expect(texts(items)).toEqual(['Schools get more money', 'Roads are repaired', 'The library reopens']);
    expect(new Set(items.map((b) => b.groupId)).size).toBe(1);
    expect(items.every((b) => !b.ordered && b.tag === 'li')).toBe(true);
  });

  it('reads no line ending in a dash as a heading: a wire dateline opens the paragraph under it', () => {
    const { blocks } = seg(['Council Approves Budget', 'NEW YORK --', BODY_A, BODY_B].join('\n\n'));
    expect(blocks.find((b) => b.text === 'NEW YORK --')?.kind).toBe('paragraph');
    expect(blocks.find((b) => b.text === 'Council Approves Budget')?.kind).toBe('heading');
  });

  it('reads a consent dialog printed after the article as a cookie box, but not a privacy policy that discusses cookies', () => {
    const dialog = [
      'Privacy overview',
      'This website uses cookies to improve your experience while you navigate through the website and to remember your choices.',
      'Necessary cookies are absolutely essential for the website to function properly and are stored in your browser.',
      'Cookie',
      'Duration',
      'Analytics cookies help us understand how visitors use the website, and they are only set with your consent.',
      'Save settings',
    ];
    const { blocks } = seg([BODY_A, BODY_B, BODY_C, ...dialog].join('\n\n'));
    for (const line of dialog) expect(blocks.find((b) => b.text === line)?.hint, line).toBe('cookie');
    expect(blocks.find((b) => b.text === BODY_A)?.hint).toBeNull();
    // With no button among them, such paragraphs are a privacy policy's or a story's: the article.
    const policy = [BODY_A, ...dialog.slice(1, 3), dialog[5]!, BODY_C];
    expect(seg(policy.join('\n\n')).blocks.some((b) => b.hintToken === 'text:consent-dialog')).toBe(false);
    const story = [
      'Google Delays the End of Third-Party Cookies Again',
      'The company said on Tuesday that Chrome will keep third-party cookies until next year, after advertisers and privacy regulators raised concerns.',
      'Most browsers already block such cookies by default, and many a website will have to change how it measures visits and tracking.',
      'Regulators said the cookies question is far from settled, and that they would keep watching how the browser handles consent.',
    ];
    expect(seg(story.join('\n\n')).blocks.some((b) => b.hintToken === 'text:consent-dialog')).toBe(false);
  });

  it('reads Markdown plus signs as bullets, but not a plus sign glued to a number', () => {
    const { blocks } = seg(`${BODY_A}\n\n+ Added lanterns\n+ Added driftwood\n\n+44 20 7946 0000\n\n${BODY_B}`);
    expect(texts(blocks.filter((b) => b.kind === 'list-item'))).toEqual(['Added lanterns', 'Added driftwood']);
  });

  it('reads an outlet name ending in "News" on the first line as the masthead, the same line lower down as a teaser label', () => {
    const headlines = ['Ferry Timetable Changes for the Summer Season', 'Harbour Festival Returns After Two Years'];
    const top = seg(['Harbor Town News', ...headlines, BODY_A].join('\n\n')).blocks;
    expect(top[0]?.hintToken).not.toBe('text:related-label');
    expect(top[1]?.hint).not.toBe('related');
    const lower = seg([BODY_A, 'Harbor Town News', ...headlines].join('\n\n')).blocks;
    expect(lower.find((b) => b.text === 'Harbor Town News')?.hintToken).toBe('text:related-label');
  });

  it('reads numbered items as an ordered list, separate from a later list', () => {
    const { blocks } = seg(`1. First step\n2) Second step\n\n${BODY_A}\n\n* Other list`);
    const items = blocks.filter((b) => b.kind === 'list-item');
    expect(items.slice(0, 2).every((b) => b.ordered)).toBe(true);
    expect(items[0]?.groupId).toBe(items[1]?.groupId);
    expect(items[2]?.groupId).not.toBe(items[0]?.groupId);
  });

  it('does not take a German day number ("3. März 2024") for a numbered item', () => {
    const { blocks } = seg(`3. März 2024, 14:12 Uhr\n\n${BODY_A}`);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', hint: 'dateline' });
  });

  it('joins a wrapped list item whose continuation is indented to its text', () => {
    const dump = [
      'The council approved the budget on Tuesday after a long debate about the',
      'schools, roads and the new library in the centre of the town, which has',
      '',
      '  * A bullet point that is long enough to wrap onto a second line in the',
      '    dump, indented under its text',
      '  * A second bullet',
    ].join('\n');
    const items = seg(dump).blocks.filter((b) => b.kind === 'list-item');
    expect(texts(items)).toEqual(['A bullet point that is long enough to wrap onto a second line in the dump, indented under its text', 'A second bullet']);
  });

  it('turns tab-separated lines into table cells grouped by row, with a header row', () => {
    const { blocks } = seg(`Party\tSeats\tShare\nGreens\t12\t31 %\nLabour\t9\t24 %`);
    const cells = blocks.filter((b) => b.kind === 'table-cell');
    expect(texts(cells)).toEqual(['Party', 'Seats', 'Share', 'Greens', '12', '31 %', 'Labour', '9', '24 %']);
    expect(cells.slice(0, 3).every((b) => b.headerCell)).toBe(true);
    expect(cells.slice(3).some((b) => b.headerCell)).toBe(false);
    expect(new Set(cells.map((b) => b.groupId)).size).toBe(1);
    expect(new Set(cells.map((b) => b.rowId)).size).toBe(3);
  });
});

describe('segmentText: headings and title', () => {
  it('takes the headline above the first body paragraph as the level-1 title, and title-case lines before body as level-2 headings', () => {
    const { blocks } = seg(`Council Backs Budget After Long Debate\n\n${BODY_A}\n\n${BODY_B}\n\nWhat Happens Next\n\n${BODY_C}`);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(blocks.find((b) => b.text === 'What Happens Next')).toMatchObject({ kind: 'heading', level: 2 });
  });

  it('keeps a one-line sentence as a paragraph', () => {
    const { blocks } = seg(`Council Backs Budget\n\n${BODY_A}\n\nHe declined to comment.\n\n${BODY_B}`);
    expect(blocks.find((b) => b.text === 'He declined to comment.')?.kind).toBe('paragraph');
  });

  it('treats an all-caps line and a sentence-case line between paragraphs as headings', () => {
    const { blocks } = seg(`Council Backs Budget\n\n${BODY_A}\n\nTHE VOTE\n\n${BODY_B}\n\nWhy the levy matters\n\n${BODY_C}`);
    expect(blocks.find((b) => b.text === 'THE VOTE')?.kind).toBe('heading');
    expect(blocks.find((b) => b.text === 'Why the levy matters')?.kind).toBe('heading');
  });

  it('does not make a short line a heading when no body text follows', () => {
    const { blocks } = seg(`${BODY_A}\n\nSome Closing Words\n\nAbout Us`);
    expect(blocks.find((b) => b.text === 'Some Closing Words')?.kind).toBe('paragraph');
  });

  it('reports the title as the h1 fact for the metadata stage', () => {
    expect(seg(`Council Backs Budget After Debate\n\n${BODY_A}`).meta.h1).toEqual(['Council Backs Budget After Debate']);
  });
});

describe('lineHint: sentences that open like a credit', () => {
  it('leaves prose, a publisher and a dash after a title alone', () => {
    for (const line of [
      'Verfasst von einem Team aus Forschern zeigt die Studie neue Risiken.',
      'Veröffentlicht am Montag. Die Fotos von der Feier sind online',
      'Erstellt von der Stadt Wien',
      'Publicado por el Ministerio de Salud el lunes.',
      'Pubblicato da Mondadori nel 2019.',
      'Published in Crystal Lake, Illinois by Shaw Media',
      'By Design – A New Exhibition',
    ]) {
      expect(lineHint(line)?.label, line).not.toBe('byline');
    }
  });
});

describe('lineHint: page chrome', () => {
  const cases: [string, string, string][] = [
    ['Home | World | Business | Tech', 'navigation', 'text:menu-row'],
    ['Home › News › Politics', 'navigation', 'text:menu-row'],
    ['Skip to content', 'navigation', 'text:ui-label'],
    ['Zum Inhalt springen', 'navigation', 'text:ui-label'],
    ['We use cookies to improve your experience on our site.', 'cookie', 'text:cookie-notice'],
    ['Subscribe now for unlimited access', 'promo', 'text:subscription-prompt'],
    ['Sign up for our morning newsletter', 'newsletter', 'text:newsletter-prompt'],
    ['By Jane Doe and John Roe', 'byline', 'text:byline-prefix'],
    ['BY JANE DOE', 'byline', 'text:byline-prefix'],
    ['Author: Jane Doe', 'byline', 'text:byline-label'],
    ['Written by Jane Doe', 'byline', 'text:byline-label'],
    ['Jane Doe, Political Correspondent', 'byline', 'text:byline-role'],
    ['Reporting by Jane Doe; Editing by John Roe', 'byline', 'text:byline-label'],
    ['Von Max Mustermann', 'byline', 'text:byline-prefix'],
    ['Posted on March 5, 2024 by jdoe', 'byline', 'text:byline-label'],
    ['By Daniel | Published: 23. Juli 2017 | Kommentare geschlossen', 'byline', 'text:byline-prefix'],
    ['von Gartenfee · 22. Oktober 2019', 'byline', 'text:byline-prefix'],
    ['Posted in Local News by Jane Doe on March 5, 2024', 'byline', 'text:byline-label'],
    ['Veröffentlicht am 13. März 2019 von Max Mustermann', 'byline', 'text:byline-label'],
    ['Eingestellt von Gartenfee um 10:52', 'byline', 'text:byline-label'],
    ['Publié le 5 mars 2024 par Jeanne Martin', 'byline', 'text:byline-label'],
    ['Erstellt von Fabian am Dienstag 6. Mai 2014', 'byline', 'text:byline-label'],
    ['Par Jeanne Martin', 'byline', 'text:byline-prefix'],
    ['By: Jane Doe on November 11th, 2012 at 3:00 pm', 'byline', 'text:byline-prefix'],
    ['THE CANADIAN PRESS', 'byline', 'text:agency-credit'],
    ['(AP)', 'byline', 'text:agency-credit'],
    ['AP', 'byline', 'text:agency-credit'],
    ['Marcus Hale © Northern Press', 'caption', 'text:caption-credit'],
    ['Example Media © All Rights Reserved', 'legal', 'text:copyright'],
    ['Article continues', 'ad', 'text:ad-label'],
    ['Skip to next paragraph', 'ad', 'text:ad-label'],
    ['View larger image', 'navigation', 'text:ui-label'],
    ['Email this story', 'navigation', 'text:ui-label'],
    ['Jane Doe, @janedoe', 'byline', 'text:byline-handle'],
    ['Kailani Koenig-Muenster, @kkm', 'byline', 'text:byline-handle'],
    ['March 3, 2024', 'dateline', 'text:date-line'],
    ['Published 10:45 a.m. ET, Mon March 4, 2024', 'dateline', 'text:date-line'],
    ['Updated 3 hours ago', 'dateline', 'text:date-line'],
    ['3. März 2024, 14:12 Uhr', 'dateline', 'text:date-line'],
    ['Publié le 3 mars 2024 à 14h12', 'dateline', 'text:date-line'],
    ['3 de marzo de 2024', 'dateline', 'text:date-line'],
    ['Photo: Jane Doe', 'caption', 'text:caption-label'],
    ['Protesters gather outside parliament on Monday. (Reuters)', 'caption', 'text:photo-credit'],
    ['The mayor at the opening. Jane Doe/AP', 'caption', 'text:photo-credit'],
    ['Workers at the plant. AFP via Getty Images', 'caption', 'text:photo-credit'],
    ['Photo by Jane Doe on Unsplash', 'caption', 'text:photo-credit'],
    ["Deprecated: Function set_magic_quotes_runtime() is deprecated in /www/htdocs/site/wp-settings.php on line 18", 'metadata', 'text:server-notice'],
    ["Warning: mysql_get_server_info(): Access denied for user ''@'localhost' (using password: NO) in /www/htdocs/site/wp-content/plugins/stats.php on line 9", 'metadata', 'text:server-notice'],
    ['View this post on Instagram', 'caption', 'text:social-embed'],
    ['Ein Beitrag geteilt von Jane Doe (@janedoe) am 23. Okt 2017 um 0:31 Uhr', 'caption', 'text:social-embed'],
    ['Media caption The minister spoke to reporters outside parliament', 'caption', 'text:caption-label'],
    ['Stromnetz / Foto von Max Muster auf Pixabay', 'caption', 'text:photo-credit'],
    ['Der Ski-Star aus der Schweiz. © AFP / Jane Doe', 'caption', 'text:caption-credit'],
    ['© Bild: WERK/JANE DOE', 'caption', 'text:caption-credit'],
    ['© Marcus Hale / Northern Press', 'caption', 'text:caption-credit'],
    ['©unsplash/Jane Doe', 'caption', 'text:caption-credit'],
    ['Volunteers clear the beach. Photo: Jane Doe | stockphotos.example', 'caption', 'text:caption-credit'],
    ['Lea más: El Gobierno aprueba el presupuesto', 'related', 'text:related-inline'],
    ['Advertisement', 'ad', 'text:ad-label'],
    ['ANZEIGE', 'ad', 'text:ad-label'],
    ['Share on Facebook Share on Twitter Email', 'share', 'text:share-bar'],
    ['Tags: budget, council, schools', 'metadata', 'text:tags'],
    ['Categories: News, Local Politics, Chris Brown, Did You Know, Where Is My Stylist?, For the Children, For Your Information, Magazine Covers, The List, What the Hell???', 'metadata', 'text:tags'],
    ['© 2024 Example Media Ltd. All rights reserved.', 'legal', 'text:copyright'],
    ['© 2024 Example Media / Imprint', 'legal', 'text:copyright'],
    ['Privacy Policy | Terms of Use', 'legal', 'text:legal-links'],
    ['5 min read', 'metadata', 'text:reading-time'],
    ['London 12°C', 'navigation', 'text:weather'],
    ['READ MORE: Council delays vote on levy', 'related', 'text:related-inline'],
    ['À lire aussi » Ballonnements : quel est votre profil digestif ?', 'related', 'text:related-inline'],
    ['Mire: El cantante da positivo a COVID-19', 'related', 'text:related-inline'],
    ['« Previous Post', 'navigation', 'text:post-navigation'],
    ["« What do you do when they don't understand? | Blog Home | Compassion is a choice »", 'navigation', 'text:menu-row'],
    ['Older Post Home', 'navigation', 'text:post-navigation'],
    ['Nächster Beitrag: Die Brücke ist wieder offen', 'navigation', 'text:post-navigation'],
    ['Article suivant', 'navigation', 'text:post-navigation'],
    ['Like this:', 'share', 'text:like-widget'],
    ['Click to share on Facebook (Opens in new window)', 'share', 'text:share-bar'],
    ['Klick, um über Twitter zu teilen (Wird in neuem Fenster geöffnet)', 'share', 'text:share-bar'],
    ['SCHLAGWORTE', 'metadata', 'text:tags'],
    ['Kostenlos registrieren und weiterlesen', 'promo', 'text:subscription-prompt'],
    ['Keine Neuigkeiten aus der Branche mehr verpassen: Abonnieren Sie unseren Newsletter.', 'newsletter', 'text:newsletter-prompt'],
    ['Ich akzeptiere die Datenschutzbestimmungen und die Hinweise zum Newsletter.', 'newsletter', 'text:newsletter-prompt'],
    ['Für Links auf dieser Seite erhält das Magazin ggf. eine Provision vom Händler.', 'promo', 'text:affiliate-disclosure'],
    ['Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / Bilder von der Amazon Product Advertising API', 'promo', 'text:affiliate-disclosure'],
    ['Last update on 2024-03-01 / Affiliate links / Images from Amazon Product Advertising API', 'promo', 'text:affiliate-disclosure'],
    ['Bei den mit * markierten Links handelt es sich um Affiliate-Links.', 'promo', 'text:affiliate-disclosure'],
    ['Rezept drucken  Bei Pinterest speichern', 'share', 'text:share-bar'],
    ['Gefällt mir Lade …', 'share', 'text:like-widget'],
    ['Filed under Vegetables, Balcony | Leave a comment', 'metadata', 'text:entry-meta'],
    ['1 Comment » | Published in Architecture, Preserving Modern Architecture  |  1 Comment', 'metadata', 'text:entry-meta'],
    ['Abgelegt unter Blogprojekte, Das Leben | Hinterlasse einen Kommentar', 'metadata', 'text:entry-meta'],
  ];
  it.each(cases)('%s → %s', (line, label, token) => {
    expect(lineHint(line)).toEqual({ label, token });
  });

  const prose: string[] = [
    'By the end of the year, prices had risen by almost a tenth.',
    'He declined to comment.',
    'The cookies were baked for twelve minutes and cooled on a rack.',
    'In an interview, the minister told Reuters that talks would resume.',
    'Di Maio ha detto che il governo andrà avanti con la riforma.',
    'Text messages sent by the mayor were published on Friday.',
    'Share prices fell sharply in early trading on Monday morning.',
    'Using the Amazon Product Advertising API',
    'Next story: the council meets again on Tuesday to vote on the budget and the new bridge toll for lorries.',
    'Like this: the mayor said the plan was simple.',
    'Filed under: Latest News The production of the small electric car has been suspended at the plant for the rest of the month, the maker said on Thursday.',
    'The vote split the room | Home | as one councillor said, the rest of the evening was spent arguing about the car park and the toll.',
    'Posted in 1998, the letter | 2 comments from the archive were all that survived.',
    'Follow Jane Doe @janedoe',
    'Warning: the storm that hit the coast in 2019 is back in the news, and the ferry stays in port on line 4',
    'A post shared by thousands of readers on Monday night changed the council’s mind about the closure of the library.',
    'A post shared by the mayor on Monday angered residents.',
    'All the pictures in this post are free to use and I found them on Unsplash.',
    'Breaking News @CNN',
    'By: the way the vote went, nobody expected it.',
    'The Canadian Press reported the vote on Tuesday.',
    'Example Media © 2024',
    'Wenn',
    'Ani',
    BODY_A,
  ];
  it.each(prose)('leaves prose alone: %s', (line) => {
    expect(lineHint(line)).toBeNull();
  });

  it('reads an author box under a post, and leaves a last paragraph that only opens with the name', () => {
    const post = 'The harbour reopened on Monday after three weeks of repairs to the old stone quay and its cranes.';
    const box = seg(`${post}\n\nÜber Jane Doe\nJane Doe schreibt über Häfen und Schiffe.\nAlle Beiträge von Jane Doe anzeigen →\n`);
    const tokenOf = (text: string): string | null | undefined => box.blocks.find((b) => b.text === text)?.hintToken;
    expect(tokenOf('Über Jane Doe')).toBe('text:author-box');
    expect(tokenOf('Jane Doe schreibt über Häfen und Schiffe.')).toBe('text:author-box');
    const prose = seg(`${post}\n\nAbout Jane Doe, the harbour master who retired last year, the crews still tell stories on the quay.\nView all posts by Jane Doe →\n`);
    expect(prose.blocks.find((b) => b.text.startsWith('About Jane Doe,'))?.hintToken ?? null).toBeNull();
  });
});

describe('segmentText: sections', () => {
  it('hints every block after a related label as related, up to where prose resumes', () => {
    const text = [
      'Council Backs Budget', BODY_A, BODY_B,
      'Related Articles', 'Mayor Opens New Library', 'The long-awaited library opened its doors to readers on Saturday morning... Read more',
      'Roads To Be Repaired By Spring', BODY_C,
    ].join('\n\n');
    const { blocks } = seg(text);
    const related = blocks.filter((b) => b.hint === 'related');
    expect(texts(related)[0]).toBe('Related Articles');
    expect(related[0]?.hintToken).toBe('text:related-label');
    expect(related.slice(1).every((b) => b.hintToken === 'text:related-under:related articles')).toBe(true);
    expect(related).toHaveLength(5);
  });

  it('ends a teaser section where two prose paragraphs resume, releasing the headline above them', () => {
    const text = ['Trending', 'Mayor Opens New Library', 'Roads To Be Repaired', 'Council Backs Budget', BODY_A, BODY_B].join('\n\n');
    const { blocks } = seg(text);
    expect(blocks.find((b) => b.text === 'Council Backs Budget')?.hint).toBeNull();
    expect(blocks.find((b) => b.text === BODY_A)?.hint).toBeNull();
    expect(blocks.find((b) => b.text === 'Roads To Be Repaired')?.hint).toBe('related');
  });

  it('ends a teaser section where paragraphs resume though every other one trails off in "..."', () => {
    const trailing = `${BODY_C.slice(0, -1)}...`;
    const text = ['Recent Posts', 'Mayor Opens New Library', 'Roads To Be Repaired', 'The Declining Problem', BODY_A, trailing, BODY_B, 'Short line.', BODY_C].join('\n\n');
    const { blocks } = seg(text);
    expect(blocks.find((b) => b.text === BODY_A)?.hint).toBeNull();
    expect(blocks.find((b) => b.text === BODY_B)?.hint).toBeNull();
    // Teasers, title and trailing excerpt by turns, still run on.
    const teasers = seg(['Recent Posts', 'Mayor Opens New Library', trailing, 'Roads To Be Repaired', trailing, 'Schools Get Funding', trailing].join('\n\n'));
    expect(teasers.blocks.filter((b) => b.text === trailing).every((b) => b.hint === 'related')).toBe(true);
  });

  it('ends a teaser section where a lead-in ending in a colon is followed by prose', () => {
    const leadIn = 'For this episode of the show I sat down with the head of the library team to learn more about the new opening hours:';
    const text = ['Recent Posts', 'Mayor Opens New Library', 'Roads To Be Repaired', 'Council Backs Budget', leadIn, BODY_A, 'Short line.'].join('\n\n');
    const { blocks } = seg(text);
    expect(blocks.find((b) => b.text === leadIn)?.hint).toBeNull();
    expect(blocks.find((b) => b.text === BODY_A)?.hint).toBeNull();
    // A colon line over a teaser is no lead-in: the list runs on.
    const list = seg(['Recent Posts', 'Mayor Opens New Library', leadIn, 'Roads To Be Repaired', 'Schools Get Funding'].join('\n\n'));
    expect(list.blocks.find((b) => b.text === 'Roads To Be Repaired')?.hint).toBe('related');
  });

  it('gives the article back its headline and byline over a reading time and share counters where a teaser section ends', () => {
    const text = ['Recent Posts', 'Mayor Opens New Library', 'Roads To Be Repaired', 'Parité hommes-femmes en Tunisie', 'Par Jeanne Martin', 'Publié sur 18/02/2020', '8 min lues', '1', '0', '704', BODY_A, BODY_B].join('\n\n');
    const { blocks } = seg(text);
    expect(blocks.find((b) => b.text === 'Par Jeanne Martin')).toMatchObject({ hint: 'byline' });
    expect(blocks.find((b) => b.text === 'Publié sur 18/02/2020')).toMatchObject({ hint: 'dateline' });
    expect(blocks.find((b) => b.text === '8 min lues')).toMatchObject({ hint: 'metadata', hintToken: 'text:reading-time' });
    expect(blocks.find((b) => b.text === 'Roads To Be Repaired')?.hint).toBe('related');
  });

  it('recognises related labels in German, French, Spanish, Portuguese and Italian', () => {
    for (const label of ['Más leídas', 'Seguí leyendo', 'Weitere Inhalte:', 'En ce moment', 'Mehr zum Thema', 'À lire aussi', 'Noticias relacionadas', 'Leia também', 'Articoli correlati', 'More from Business', 'Lue seuraavaksi:', 'Lees ook', '【関連記事】']) {
      const { blocks } = seg(`${BODY_A}\n\n${BODY_B}\n\n${label}\n\nSome Other Story`);
      expect(blocks.find((b) => b.text === 'Some Other Story')?.hint, label).toBe('related');
    }
  });

  it('hints everything after a comments label once the article has begun', () => {
    // Begun: two paragraphs and 80 words of prose (a site blurb and a dek above a count link are not an article).
    const { blocks } = seg(`${BODY_A}\n\n${BODY_B}\n\n${BODY_C}\n\n${BODY_A}\n\n12 Comments\n\nGreat article, thanks!\n\nI disagree with the mayor on this one.`);
    expect(blocks.slice(4).every((b) => b.hint === 'comments')).toBe(true);
    const short = seg(`${BODY_A}\n\n${BODY_B}\n\n12 Comments\n\n${BODY_C}`);
    expect(short.blocks.find((b) => b.text === '12 Comments')?.hintToken).toBe('text:comment-count');
    expect(short.blocks.find((b) => b.text === BODY_C)?.hint).toBeNull();
  });

  it('knows the comment headings of British sites ("Reader views (5)", "Have your say")', () => {
    const article = `${BODY_A}\n\n${BODY_B}\n\n${BODY_C}\n\n${BODY_A}`;
    for (const label of ['Reader views (5)', 'Have your say', 'Add your comment']) {
      const { blocks } = seg(`${article}\n\n${label}\n\nI have lived here for thirty years and never seen the roads this bad, so the money is welcome.`);
      expect(blocks.at(-1)?.hint).toBe('comments');
    }
  });

  it('reads recurring bylines after the article as an unlabelled comment thread', () => {
    const article = `Council Backs Budget\n\nBy Jane Doe\n\n${BODY_A}\n\n${BODY_B}\n\n${BODY_C}\n\n${BODY_A}`;
    const thread = ['BY TAROCHAN AT 01/08/08 05:30 PM', 'Does it come with a map?', 'BY LEE AT 01/08/08 06:02 PM', 'About time too.', 'BY SAM AT 01/09/08 08:15 AM', 'Roads first, then the library.'];
    const { blocks } = seg(`${article}\n\n${thread.join('\n\n')}`);
    expect(blocks.find((b) => b.text === 'Does it come with a map?')?.hint).toBe('comments');
    // The article's own byline, above the body, is no thread.
    expect(blocks.find((b) => b.text === BODY_B)?.hint).toBeNull();
  });

  it('reads "Reply" links recurring under short texts after the article as a comment thread, first comment included', () => {
    const article = `Council Backs Budget\n\n${BODY_A}\n\n${BODY_B}\n\n${BODY_C}\n\n${BODY_A}`;
    const first = 'I have driven over that bridge for twenty years and it has never been this bad, so about time.';
    const thread = ['Mary Jones · March 10, 2017 at 2:56 AM', first, 'Reply', 'Tom Lee · March 10, 2017 at 9:12 AM', 'Agreed, the potholes on the north ramp are the worst part of it.', 'Reply', 'Ann Ray · March 11, 2017 at 7:40 PM', 'The library matters more to me than the roads do, to be honest.', 'Reply'];
    const { blocks } = seg(`${article}\n\n${thread.join('\n\n')}`);
    expect(blocks.find((b) => b.text === first)?.hint).toBe('comments');
    expect(blocks.find((b) => b.text.startsWith('Mary Jones'))?.hint).toBe('comments');
    expect(blocks.filter((b) => b.text === BODY_A).every((b) => b.hint === null)).toBe(true);
  });

  it('reads comment action bars ("Reply to This Parent Share", "Flag as Inappropriate") as a thread under a one-paragraph story', () => {
    const story = `Council Backs Budget\n\nPosted by editor on Monday July 23\n\n${BODY_A} ${BODY_B} ${BODY_C}`;
    const comment = (title: string, body: string): string[] => [`${title} (Score:5, Insightful)`, 'by reader (1234) on Monday July 23', body, 'The roads were worse last year, and nobody then said a word about it at all.', 'Reply to This Parent Share', 'Flag as Inappropriate'];
    const thread = [
      ...comment('About time', 'I have driven over that bridge for twenty years and it has never been this bad.'),
      ...comment('Re:About time', 'Agreed, the potholes on the north ramp are the worst part of it, by far.'),
      'See also:',
      'A reader links the budget paper here, which is worth reading in full before the vote.',
      ...comment('Re:About time', 'The library matters more to me than the roads do, to be honest with you.'),
    ];
    const { blocks } = seg(`${story}\n\n${thread.join('\n\n')}`);
    expect(blocks.find((b) => b.text.startsWith('I have driven'))?.hint).toBe('comments');
    // A reader's "See also:" inside the thread opens no teaser list.
    expect(blocks.find((b) => b.text === 'See also:')?.hint).toBe('comments');
    expect(blocks.find((b) => b.text.startsWith(BODY_A))?.hint).toBeNull();
    // A share bar alone is no comment's action bar.
    const shared = seg(`${story}\n\nShare\n\n${BODY_A}\n\nShare\n\n${BODY_B}\n\nShare\n\n${BODY_C}`);
    expect(shared.blocks.filter((b) => b.hint === 'comments')).toEqual([]);
  });

  it('ends a short teaser box above the article at the article\'s comment count or share bar', () => {
    const box = ["Don't Miss:", 'Download Our App', 'Holiday Gift Guide', 'Help the Shore Bounce Back'];
    const article = ['Weekend Guide', 'Shop for a cause.', 'Print Sale', 'What: Prints whose proceeds go to the shelter.', 'Why: Look on the bright side.', `${BODY_A}`];
    for (const row of ['4 Comments', 'Share on Facebook']) {
      const { blocks } = seg([...box, row, ...article].join('\n\n'));
      expect(blocks.find((b) => b.text === 'Holiday Gift Guide')?.hint).toBe('related');
      expect(blocks.find((b) => b.text === 'Weekend Guide')?.hint).toBeNull();
      expect(blocks.find((b) => b.text.startsWith('What: Prints'))?.hint).toBeNull();
    }
  });

  it('opens the comments at a comment form\'s e-mail notice, even under a one-paragraph post', () => {
    const post = `Plejades, M45\n\n${BODY_A}\n\nCamera: Canon\n\nExposure: 60 x 3 minutes`;
    for (const notice of ['E-Mail Adresse wird nicht veröffentlicht.', 'E-Mail (wird benötigt und nicht veröffentlicht)', 'Email (required; won\'t be published)', 'Your email address will not be published. Required fields are marked *']) {
      const { blocks } = seg(`${post}\n\nLeave your mark\n\n${notice}\n\nName\n\nAbout us\n\n${BODY_B}`);
      expect(blocks.find((b) => b.text === notice)?.hintToken).toBe('text:comment-form');
      expect(blocks.find((b) => b.text === BODY_B)?.hint).toBe('comments');
      expect(blocks.find((b) => b.text === BODY_A)?.hint).toBeNull();
    }
    // A paragraph that quotes the notice is prose.
    const quoting = `${BODY_A}\n\nThe form says your email address will not be published, but the council's privacy office has asked for every name and address behind each objection to the bridge plan.`;
    expect(seg(quoting).blocks.every((b) => b.hint === null)).toBe(true);
  });

  it('reads recurring comment headers (name, day and clock time) after the article as a thread', () => {
    const article = `Ancient Tides\n\nby John on July 15, 2012\n\n${BODY_A}\n\n${BODY_B}\n\n${BODY_C}\n\n${BODY_B}`;
    const thread = ['1', 'Chris Nahr 07.15.12 at 11:59', 'Secondary source, John, and the original has another verb.', '2', 'Comment #2 - Posted by: Kurt at November 10, 2012 5:55 PM', 'Agreed, the potholes on the north ramp are the worst part of it.', '3', 'Ann Ray 07.16.12 at 9.15 pm', 'The library matters more to me than the roads do.'];
    const { blocks } = seg(`${article}\n\n${thread.join('\n\n')}`);
    expect(blocks.find((b) => b.text.startsWith('Chris Nahr'))?.hint).toBe('comments');
    expect(blocks.find((b) => b.text.startsWith('Agreed'))?.hint).toBe('comments');
    expect(blocks.find((b) => b.text === BODY_B)?.hint).toBeNull();
    const says = ['Ann says:', 'Secondary source, John, and the original has another verb.', 'Jpsilver said,', 'Agreed, the potholes on the north ramp are the worst part of it.', 'Anhora sagt:', 'The library matters more to me than the roads do.'];
    expect(seg(`${article}\n\n${says.join('\n\n')}`).blocks.find((b) => b.text.startsWith('Agreed'))?.hint).toBe('comments');
    const aged = ['Jermaine 07 Nov 12', 'Love it, the little details that matter.', 'Miles Taylor 12 days ago', 'Pity the meeting did not have the latest issue.', 'Waiology 11 days ago', 'Agreed on all counts here.'];
    expect(seg(`${article}\n\n${aged.join('\n\n')}`).blocks.find((b) => b.text.startsWith('Pity'))?.hint).toBe('comments');
    const fixtures = ['18 Aug: Torquay (h)', 'Home win expected.', '21 Aug: Bradford (a)', 'Away trip north.', '25 Aug: Burton (a)', 'Another away day.'];
    expect(seg(`${article}\n\n${fixtures.join('\n\n')}`).blocks.some((b) => b.hint === 'comments')).toBe(false);
    // A live blog's stamps (day and time alone) are no thread, nor are dated teasers.
    const live = ['March 3, 2024 10:32', BODY_C, 'March 3, 2024 10:48', BODY_A, 'March 3, 2024 11:05', BODY_B];
    expect(seg(`${article}\n\n${live.join('\n\n')}`).blocks.some((b) => b.hint === 'comments')).toBe(false);
    const teasers = ['Robots in industry 31.10.2023', 'Gas deal falls through 30.10.2023', 'Plant to close in spring 29.10.2023'];
    expect(seg(`${article}\n\n${teasers.join('\n\n')}`).blocks.some((b) => b.hint === 'comments')).toBe(false);
  });

  it('opens the comments at a count heading that names the post ("5 Responses to “Title”")', () => {
    for (const heading of ['5 Responses to “Council Backs Budget”', '3 Gedanken zu „Council Backs Budget“', 'One thought on “Council Backs Budget”']) {
      const { blocks } = seg(`Council Backs Budget\n\n${BODY_A}\n\n${heading}\n\nAnn says:\n\n${BODY_B}`);
      expect(blocks.find((b) => b.text === heading)?.hintToken).toBe('text:comment-heading');
      expect(blocks.find((b) => b.text === BODY_B)?.hint).toBe('comments');
    }
  });

  it('takes a short post back from the teaser list above it when its comment heading names its headline', () => {
    const post = ['Magic School Bus: The Movie', 'Unfortunately, this is not a real trailer, only a fan edit.', 'They should hurry up and make the real one too.', 'What was your favourite episode? I love the space one.'];
    const text = ['Featured Stories', 'Geeky Parents Are More Likely to Have Geeky Children', 'Election Results: Mathematics Wins', ...post, 'Post navigation', '2 Responses to Magic School Bus: The Movie', 'Ann says:', BODY_B].join('\n\n');
    const { blocks } = seg(text);
    expect(blocks.find((b) => b.text.startsWith('Unfortunately'))?.hint).toBeNull();
    expect(blocks.find((b) => b.text === BODY_B)?.hint).toBe('comments');
    expect(blocks.find((b) => b.text.startsWith('Geeky Parents'))?.hint).toBe('related');
    // The same count printed as a link under the headline opens nothing.
    const meta = seg(['Featured Stories', 'Geeky Parents Are More Likely to Have Geeky Children', 'Magic School Bus: The Movie', '1 Comment on Magic School Bus: The Movie', BODY_A].join('\n\n'));
    expect(meta.blocks.find((b) => b.text === BODY_A)?.hint).not.toBe('comments');
  });

  it('reads three or more dated headlines in a row as a teaser list', () => {
    const dated = ['1 day ago Council opens the new library on Saturday', '2 days ago Roads to be repaired by the spring', 'October 23, 2012 Schools get new funding next year'];
    const { blocks } = seg([...dated, BODY_A, BODY_B].join('\n\n'));
    expect(blocks.filter((b) => b.hintToken === 'text:headline-run')).toHaveLength(3);
    expect(blocks.find((b) => b.text === BODY_A)?.hint).toBeNull();
    // Two, or one dateline over the article, are no list.
    expect(seg([dated[0], dated[1], BODY_A].join('\n\n')).blocks.some((b) => b.hintToken === 'text:headline-run')).toBe(false);
  });

  it('hints markup printed as text on its own line as an ad slot, but not a code sample over several lines', () => {
    const slot = '<div style="position:absolute;"><img width=1 height=1 alt="" src="https://ads.example/b?1">';
    const { blocks } = seg(`${BODY_A}\n\n${slot}\n\n${BODY_B}`);
    expect(blocks.find((b) => b.text === slot)).toMatchObject({ hint: 'ad', hintToken: 'text:raw-markup' });
    const sample = '<!DOCTYPE html>\n<html>\n<link rel="stylesheet" href="style.css">\n</html>';
    expect(seg(`${BODY_A}\n\n${sample}\n\n${BODY_B}`).blocks.some((b) => b.hintToken === 'text:raw-markup')).toBe(false);
  });

  it('does not read rows of program output framed in box-drawing characters as a headline run', () => {
    const rows = ['2 │ -0.757 │ t', '3 │ -0.432 │ f', '12 │ 2.487 │ t', '5 │ 0.216 │ f', '3 │ -0.432 │ f', '4 │ -0.108 │ f', '2 │ -0.757 │ t'];
    const { blocks } = seg(`${BODY_A}\n${rows.join('\n')}\n${BODY_B}`);
    expect(blocks.some((b) => b.hintToken === 'text:headline-run')).toBe(false);
  });

  it('treats a comment count above the article as a single line, not a section', () => {
    const { blocks } = seg(`Council Backs Budget\n\n3 comments\n\n${BODY_A}\n\n${BODY_B}`);
    expect(blocks.find((b) => b.text === '3 comments')?.hintToken).toBe('text:comment-count');
    expect(blocks.find((b) => b.text === BODY_A)?.hint).toBeNull();
  });

  it('hints an unlabelled run of headlines (an innerText link list) as related, but not the headline above the article', () => {
    const text = `${BODY_A}\n${BODY_B}\n\nMayor Opens New Library\nRoads To Be Repaired By Spring\nSchools Get New Funding Next Year\nPolice Appeal For Witnesses After Crash\n\nTop Sport Stories\nCity Win The Cup Final\nRunner Breaks Course Record`;
    const { blocks } = seg(text);
    expect(blocks.find((b) => b.text === 'Mayor Opens New Library')?.hintToken).toBe('text:headline-run');
    expect(blocks.find((b) => b.text === 'Top Sport Stories')?.hintToken).toBe('text:related-label');
    const lead = seg(`Mayor Opens New Library\nRoads To Be Repaired By Spring\nSchools Get New Funding Next Year\nCouncil Backs Budget After Debate\n${BODY_A}\n${BODY_B}`);
    expect(lead.blocks.find((b) => b.text === 'Council Backs Budget After Debate')).toMatchObject({ kind: 'heading', hint: null });
  });

  it('does not take a suffix-matched heading followed by prose for a teaser label', () => {
    const { blocks } = seg(`${BODY_A}\n\nGood News\n\n${BODY_B}\n\n${BODY_C}`);
    expect(blocks.find((b) => b.text === 'Good News')?.hint).toBeNull();
  });

  it('takes a suffix word alone ("News") for a section name above the article, not a teaser label', () => {
    const { blocks } = seg(`News\nPort Handles Record Cargo Volume\nRail Shuttles Drive The Growth\n\n${BODY_A}\n\n${BODY_B}`);
    expect(blocks.find((b) => b.text === 'News')?.hintToken).not.toBe('text:related-label');
    expect(blocks.find((b) => b.text === BODY_A)?.hint).toBeNull();
  });

  it('hints a run of short menu lines as navigation', () => {
    const { blocks } = seg(`World\nBusiness\nTech\nSport\n\n${BODY_A}`);
    expect(blocks.slice(0, 4).every((b) => b.hint === 'navigation')).toBe(true);
  });

  it('reads "Re: subject" replies under user-and-hour headers as a thread, though each reply runs on', () => {
    const story = `Council Backs Budget\n\nPosted by editor on Monday July 23, @09:40AM\n\n${BODY_A} ${BODY_B} ${BODY_C} ${BODY_A}`;
    const reply = (subject: string, user: string, hour: string): string[] => [subject, `by ${user} (4411) on Monday July 23, @${hour}`, BODY_C, BODY_B];
    const thread = [...reply('Re: (Score:2)', 'quietfox', '10:05AM'), ...reply('Re:About time (Score:4)', 'lint', '10:31AM'), ...reply('Re: (Score:3)', 'marrow', '11:02AM')];
    const { blocks } = seg(`${story}\n\n${thread.join('\n\n')}`);
    expect(blocks.filter((b) => b.text === BODY_B).map((b) => b.hint)).toEqual(['comments', 'comments', 'comments']);
    expect(blocks.find((b) => b.text.startsWith(BODY_A))?.hint).toBeNull();
  });

  it('reads "Name said..." headers, as blog templates print them, as a thread under a one-paragraph post', () => {
    const post = `Soup Kitchen Saturdays\n\n${BODY_A} ${BODY_B} ${BODY_C} ${BODY_A}\n\nPosted by Marta at 4:12 PM\n\n3 comments:`;
    const first = 'What a lovely thing to do. I shared it with my neighbours and two of them have already asked whether the hall needs more pots.';
    const thread = ['Hollis said...', first, 'April 6, 2024 at 6:30 PM', 'Ben said…', BODY_C, 'April 6, 2024 at 8:02 PM', 'Jo said...', 'Is there parking?', 'April 7, 2024 at 9:15 AM'];
    const { blocks } = seg(`${post}\n\n${thread.join('\n\n')}`);
    expect(blocks.find((b) => b.text === first)?.hint).toBe('comments');
    expect(blocks.find((b) => b.text === BODY_C)?.hint).toBe('comments');
  });

  it('ends a teaser list at a long paragraph of sentences whose last one the rendering cut', () => {
    const cut = `${BODY_A} ${BODY_B} ${BODY_C} ${BODY_A.slice(0, -1)} and the`;
    const text = [BODY_A, BODY_B, 'Related Articles', 'Mayor Opens New Library', 'Roads To Be Repaired', 'Jane Doe', cut, BODY_B].join('\n\n');
    expect(seg(text).blocks.find((b) => b.text === cut)?.hint).toBeNull();
    // A row of headlines as long, with no sentence in it, is still the list.
    const row = Array.from({ length: 10 }, (_, i) => `Library Opens Branch Number ${i + 1} In The North`).join('  ');
    expect(seg([BODY_A, BODY_B, 'Related Articles', 'Mayor Opens New Library', row, BODY_C].join('\n\n')).blocks.find((b) => b.text === row)?.hint).toBe('related');
  });

  it('reads six headlines set apart by blank lines, none over prose, as a teaser list; not ingredients or quoted captions', () => {
    const heads = ['Seven Gadgets That Survived Our Camping Trip', 'Is Your Doorbell Recording Your Neighbours?', 'The Best Budget Headphones for Running', 'Why Nobody Buys Tablets Anymore', 'Laptop Makers Quietly Drop the Jack', '20 Robot Vacuums We Tried So You Do Not Have To'];
    const article = `Council Backs Budget\n\n${BODY_A}\n\n${BODY_B}`;
    const { blocks } = seg(`${article}\n\n${heads.join('\n\n')}`);
    expect(heads.map((h) => blocks.find((b) => b.text === h)?.hintToken)).toEqual(heads.map(() => 'text:headline-run'));
    // Five are not enough: a post may set a few short lines apart.
    expect(seg(`${article}\n\n${heads.slice(1).join('\n\n')}`).blocks.some((b) => b.hint === 'related')).toBe(false);
    const ingredients = ['2 cups onions, diced', '3 Tablespoons of grapeseed oil', '1 teaspoon ground garlic', '2 Asian pears, diced', '1 cup chopped pecans', '1 large orange, zest and juice'];
    expect(seg(`${article}\n\n${ingredients.join('\n\n')}`).blocks.some((b) => b.hint === 'related')).toBe(false);
    const captions = heads.map((h) => `“${h},” scouted by reader`);
    expect(seg(`${article}\n\n${captions.join('\n\n')}`).blocks.some((b) => b.hint === 'related')).toBe(false);
  });

  it('opens the comments at the site\'s rules for them ("We welcome reader comments…"), though they run on in prose', () => {
    const article = `Council Backs Budget\n\n${BODY_A}\n\n${BODY_B}\n\n${BODY_C}`;
    const rules = ['HOUSE RULES', 'We welcome reader comments on the top stories of the day. Some comments may be republished in the newspaper.', 'Please understand that comments are moderated and it is not always possible to publish all that have been submitted.'];
    const { blocks } = seg(`${article}\n\n${rules.join('\n\n')}`);
    expect(blocks.find((b) => b.text.startsWith('We welcome'))?.hintToken).toBe('text:comment-policy');
    expect(blocks.find((b) => b.text.startsWith('Please understand'))?.hint).toBe('comments');
    expect(blocks.find((b) => b.text === BODY_C)?.hint).toBeNull();
  });

  it('reads "Die meistgelesenen Artikel bei …" and "Most read in …" as teaser labels', () => {
    for (const label of ['Die meistgelesenen Artikel bei Sport', 'Most read in Business']) {
      const { blocks } = seg(`${BODY_A}\n\n${BODY_B}\n\n${label}\n\nSome Other Story`);
      expect(blocks.find((b) => b.text === 'Some Other Story')?.hint, label).toBe('related');
    }
  });

  it('does not take a fact sheet ("Termin: 29.02.2020, 19 Uhr", "Eintritt: 44,90 €") for a teaser list; a book list of "Author: Title" still is one', () => {
    const sheet = ['Rum Tour Through the Old Town', 'Ort: Marktplatz Halle', 'Eintritt: 44,90 € pro Person', 'Termin: 29.02.2020, 19 Uhr', 'Anmeldung: Tel. 0345 122 99 84'];
    const article = `Council Backs Budget\n\n${BODY_A}\n\n${BODY_B}`;
    const { blocks } = seg(`${article}\n\n${sheet.join('\n')}\n\n${BODY_C}`);
    expect(blocks.find((b) => b.text.startsWith('Termin'))?.hint).toBeNull();
    const books = ['Daniel Kahneman: Thinking, Fast and Slow', 'Charles Duhigg: The Power of Habit', 'Walter Isaacson: Steve Jobs Biography', 'Tim Brown: Change by Design'];
    expect(seg(`${article}\n\n${books.join('\n')}`).blocks.find((b) => b.text.startsWith('Charles'))?.hintToken).toBe('text:headline-run');
  });

  it('reads three headlines after their tag and hour ("election 2:35 PM Title") as a story list, not a live blog', () => {
    const list = ['election 2012 2:35 PM This Year Went So Fast', 'sandy 2:30 PM Another Storm Victim Needs Help', 'jobs 1:28 PM Some Firms Are Laying People Off'];
    const article = `Council Backs Budget\n\n${BODY_A}\n\n${BODY_B}`;
    const { blocks } = seg(`${article}\n\n${list.join('\n\n')}`);
    expect(list.map((l) => blocks.find((b) => b.text === l)?.hint)).toEqual(['related', 'related', 'related']);
    const live = ['2:35 PM The mayor has arrived at the hall.', '2:30 PM Police have closed the road outside.', '1:28 PM Doors open at two o’clock.'];
    expect(seg(`${article}\n\n${live.join('\n\n')}`).blocks.some((b) => b.hint === 'related')).toBe(false);
  });
});

describe('segmentText: lynx dumps', () => {
  it('drops [n] link markers, resolves them from the References list and hints that list', () => {
    const dump = [
      '[1]Home [2]World [3]Business',
      '',
      'Council Backs Budget',
      '',
      '   The council approved the budget on Tuesday after a long debate about',
      '   schools, roads and the new library in the centre of the town.',
      '',
      'References',
      '',
      '   1. https://news.example/',
      '   2. https://news.example/world',
      '   3. https://news.example/business',
    ].join('\n');
    const { blocks } = seg(dump);
    expect(blocks[0]).toMatchObject({ text: 'Home World Business', hint: 'navigation' });
    expect(blocks[0]?.links.map((l) => l.href)).toEqual(['https://news.example/', 'https://news.example/world', 'https://news.example/business']);
    expect(blocks.filter((b) => b.hintToken === 'text:link-references').length).toBeGreaterThanOrEqual(4);
    expect(texts(blocks).some((t) => t.includes('['))).toBe(false);
  });
});

describe('segmentText: limits', () => {
  it('cuts a block beyond maxBlockChars and reports truncation', () => {
    const result = segmentText(prose(100), resolveOptions({ maxBlockChars: 50 }));
    expect(result.blocks[0]?.text.length).toBeLessThanOrEqual(50);
    expect(result.truncated).toBe(true);
  });

  it('stops after maxElements blocks', () => {
    const result = segmentText('a\nb\nc\nd\ne', resolveOptions({ maxElements: 2 }));
    expect(result.blocks).toHaveLength(2);
    expect(result.truncated).toBe(true);
  });
});

describe('relatedFromText', () => {
  it('pairs titles with excerpts, cuts the Read more tail, keeps "..." and names the section as shown', () => {
    const text = [
      BODY_A, BODY_B, 'RECENT NEWS',
      'Mayor Opens New Library', 'The long-awaited library opened its doors to readers on Saturday mor... Read more',
      'Roads To Be Repaired By Spring', 'Crews will start on the ring road in March, the council said on ... Weiterlesen',
      'Schools Get New Funding',
    ].join('\n\n');
    const links = relatedFromText(seg(text));
    expect(links).toEqual([
      { title: 'Mayor Opens New Library', url: null, excerpt: 'The long-awaited library opened its doors to readers on Saturday mor...', section: 'RECENT NEWS', position: 0 },
      { title: 'Roads To Be Repaired By Spring', url: null, excerpt: 'Crews will start on the ring road in March, the council said on ...', section: 'RECENT NEWS', position: 1 },
      { title: 'Schools Get New Funding', url: null, excerpt: null, section: 'RECENT NEWS', position: 2 },
    ]);
  });

  it('takes a printed URL and reads inline teasers without a section', () => {
    const text = [BODY_A, 'READ MORE: Council delays vote on levy https://news.example/levy', BODY_B, 'Related:', 'Mayor Opens New Library', 'https://news.example/library'].join('\n\n');
    const links = relatedFromText(seg(text));
    expect(links).toEqual([
      { title: 'Council delays vote on levy', url: 'https://news.example/levy', excerpt: null, section: null, position: 0 },
      { title: 'Mayor Opens New Library', url: 'https://news.example/library', excerpt: null, section: 'Related', position: 1 },
    ]);
  });
});

describe('segmentText: shapes rendered pages give (parity with the HTML path)', () => {
  it('reads a caption ending with a "Photo: X" credit as a caption, not a heading', () => {
    expect(lineHint('Puffins nesting on the western cliffs. Photo: Island Bird Trust')?.label).toBe('caption');
    expect(lineHint('The mayor thanked volunteers. Photo opportunities followed all afternoon.')).toBeNull();
  });

  it('reads "Posted on <date> by <name>" as a byline', () => {
    expect(lineHint('Posted on March 3, 2024 by Jane Doe')?.label).toBe('byline');
  });

  it('makes a heading of a line between prose and a paragraph that leads into a list with a colon', () => {
    const lead = 'The steps differ a little from one model to another, but most routers follow the same order:';
    const { blocks } = seg([BODY_A, 'How to check your router', lead, 'Open the settings page.'].join('\n\n'));
    expect(blocks.find((b) => b.text === 'How to check your router')?.kind).toBe('heading');
  });

  it('makes a heading of a sentence-case line right under a caption line, as innerText prints a figure and an <h2>', () => {
    // The figure stands first, as page templates put the lead image: no paragraph above the line to sandwich it.
    const caption = 'The ferry at the quay on Monday. Photo: Jan Berg';
    const { blocks } = seg(['Harbour Ferry Returns', `${caption}\nWhat the repairs cost`, BODY_A, BODY_B].join('\n\n'));
    expect(blocks.find((b) => b.text === caption)?.hint).toBe('caption');
    expect(blocks.find((b) => b.text === 'What the repairs cost')).toMatchObject({ kind: 'heading', level: 2 });
    // A blank line between them is how innerText sets off a <p>: the short line is a paragraph as before.
    const apart = seg(['Harbour Ferry Returns', caption, 'What the repairs cost', BODY_A, BODY_B].join('\n\n'));
    expect(apart.blocks.find((b) => b.text === 'What the repairs cost')?.kind).toBe('paragraph');
  });

  it("makes headings of a listicle's numbered lines, number and all, and leaves a numbered list a list", () => {
    const text = [BODY_A, '1. Why the budget grew', BODY_B, '2) What the levy pays for', BODY_C].join('\n\n');
    const { blocks } = seg(text);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['1. Why the budget grew', '2) What the levy pays for']);
    // Items side by side are a list, and so is a lone item that ends like a sentence.
    const list = seg([BODY_A, '1. Open the settings page\n2. Choose the network tab', BODY_B, '3. Restart the router.', BODY_C].join('\n\n'));
    expect(list.blocks.filter((b) => b.kind === 'heading')).toEqual([]);
    expect(list.blocks.filter((b) => b.kind === 'list-item').map((b) => b.text)).toEqual(['Open the settings page', 'Choose the network tab', 'Restart the router.']);
  });

  it('reads a German paragraph that ends in „…“ as ending like a sentence, so the line between two is a heading', () => {
    const before = 'Der Rat hat den Haushalt am Dienstag nach langer Debatte beschlossen. „Wir haben lange gerungen“, sagte die Bürgermeisterin, „aber es hat sich gelohnt.“';
    const after = 'Die Opposition kritisierte, der Plan werde die Steuern erhöhen. „Das ist nicht die letzte Runde“, sagte ihr Sprecher. „Wir klagen.“';
    const { blocks } = seg([before, 'Wie es mit der Abgabe weitergeht', after].join('\n\n'));
    expect(blocks.find((b) => b.text === 'Wie es mit der Abgabe weitergeht')?.kind).toBe('heading');
  });

  it('makes a heading of a Spanish question line that opens with its inverted mark, and of a quoted German or French line', () => {
    for (const line of ['¿Qué pasará con el impuesto?', '„Wir haben lange gerungen“', '«Une rentrée sous tension»']) {
      const { blocks } = seg([BODY_A, line, BODY_B].join('\n\n'));
      expect(blocks.find((b) => b.text === line)?.kind).toBe('heading');
    }
  });

  it('steps over an inline ad label when deciding that a line sits between paragraphs', () => {
    const { blocks } = seg([BODY_A, 'Advertisement', 'Traders fear lost sales', BODY_B].join('\n'));
    expect(blocks.find((b) => b.text === 'Traders fear lost sales')?.kind).toBe('heading');
  });

  it('keeps a backslash-continued shell command as one code block and a piped command as code', () => {
    const text = [BODY_A, 'pg_dump --format=custom orders_db \\\n  | zstd -6 \\\n  | upload-stream backup.zst', BODY_B, 'dig news.example | grep SERVER', BODY_C].join('\n\n');
    const code = seg(text).blocks.filter((b) => b.kind === 'code');
    expect(code.map((b) => b.text)).toEqual(['pg_dump --format=custom orders_db \\\n  | zstd -6 \\\n  | upload-stream backup.zst', 'dig news.example | grep SERVER']);
    expect(seg(BODY_A).blocks[0]?.kind).toBe('paragraph');
  });

  it('marks newsletter fine print, consent button rows and "Lire aussi |" teasers as chrome', () => {
    expect(lineHint('Get new posts about how we build things delivered to your inbox.')?.label).toBe('newsletter');
    expect(lineHint('By signing up you agree to our Terms of Use.')?.label).toBe('newsletter');
    expect(lineHint('Accepter & Fermer Refuser')?.label).toBe('cookie');
    expect(lineHint('Lire aussi | Les transports gratuits font-ils reculer la voiture ?')?.label).toBe('related');
  });
});

describe('segmentText: box titles and teasers between paragraphs', () => {
  it('gives a short title right above a newsletter prompt the newsletter hint', () => {
    const text = [BODY_A, 'Get the Morning Bell', 'Sign up for our free newsletter and get the stories that matter every weekday.', BODY_B].join('\n\n');
    expect(seg(text).blocks.find((b) => b.text === 'Get the Morning Bell')?.hint).toBe('newsletter');
  });

  it('makes a heading of a line below a one-line "Lire aussi |" teaser that follows prose', () => {
    const { blocks } = seg([BODY_A, 'Lire aussi | Les transports gratuits font-ils reculer la voiture ?', 'Un coût de sept millions par an', BODY_B].join('\n'));
    expect(blocks.find((b) => b.text === 'Un coût de sept millions par an')?.kind).toBe('heading');
  });
});

describe('segmentText: teaser lists, topic bars and one-line menus', () => {
  it('keeps a headline packed against the teasers above it in the list, even when prose follows after a gap', () => {
    const text = `${BODY_A}\n\nRelated articles\nWinter fuel payment changes: who gets the money\nThousands of meter readings found to be wrong\n\n${BODY_B}\n\n${BODY_C}`;
    const { blocks } = seg(text);
    expect(blocks.find((b) => b.text === 'Thousands of meter readings found to be wrong')?.hint).toBe('related');
    expect(blocks.find((b) => b.text === BODY_B)?.hint).toBeNull();
  });

  it('reads a "Trending:" topics bar as navigation', () => {
    expect(lineHint('Trending: Heatwave State pension Euro 2024')?.label).toBe('navigation');
  });

  it('takes the headline, not a one-line menu above it, as the title', () => {
    const text = `News Politics Football Celebs TV Money Travel\nEnergy price cap to fall in July, regulator confirms\n\n${BODY_A} ${BODY_B}\n\n${BODY_C}`;
    const title = seg(text).blocks.find((b) => b.kind === 'heading' && b.level === 1);
    expect(title?.text).toBe('Energy price cap to fall in July, regulator confirms');
  });
});

describe('segmentText: unmarked lists and disclosures', () => {
  it('reads packed lines after a colon lead-in as list items (innerText drops the markers)', () => {
    const lead = 'The exact menus vary from one router to another, but the steps are broadly the same:';
    const text = `${BODY_A}\n\n${lead}\nOpen the settings page.\nLog in as the administrator.\nInstall any update offered.\n\n${BODY_B}`;
    const items = seg(text).blocks.filter((b) => b.kind === 'list-item');
    expect(items.map((b) => b.text)).toEqual(['Open the settings page.', 'Log in as the administrator.', 'Install any update offered.']);
  });

  it('keeps a single line after a colon lead-in as a paragraph', () => {
    const lead = 'The mayor put the case for the budget to the council in one short sentence on Tuesday:';
    const { blocks } = seg(`${lead}\nWe cannot wait another year.\n\n${BODY_B}`);
    expect(blocks.filter((b) => b.kind === 'list-item')).toEqual([]);
  });

  it('reads an affiliate disclosure as a promo line', () => {
    expect(lineHint('When you buy through our links, Circuit Weekly may earn an affiliate commission.')?.label).toBe('promo');
  });
});

describe('segmentText: author bios', () => {
  it('hints a short paragraph opening with the byline name and a bio verb, and leaves other prose alone', () => {
    const bio = 'Jonah Feld covers security and networking. He previously worked as a network engineer.';
    const { blocks } = seg(`Routers Found To Leak Settings\n\nBy Jonah Feld\n\n${BODY_A}\n\n${BODY_B}\n\n${bio}`);
    expect(blocks.find((b) => b.text === bio)?.hintToken).toBe('text:author-bio');
    expect(blocks.find((b) => b.text === BODY_B)?.hint).toBeNull();
  });
});

describe('segmentText: shop boxes', () => {
  it('hints a "Buy now" button and the short pitch above it as promo, stopping at prose', () => {
    const pitch = 'Roman Britain wall map, printed on heavy paper. Now 15% off for subscribers.';
    const { blocks } = seg(`${BODY_A}\n\n${BODY_B}\n\n${pitch}\n\nBuy now`);
    expect(blocks.find((b) => b.text === pitch)?.hint).toBe('promo');
    expect(blocks.find((b) => b.text === 'Buy now')?.hint).toBe('promo');
    expect(blocks.find((b) => b.text === BODY_B)?.hint).toBeNull();
  });
});

describe('segmentText: live-blog entry stamps', () => {
  it('reads a bare clock time as a date line and makes the entry title below it a heading', () => {
    expect(lineHint('1.52pm GMT')?.label).toBe('dateline');
    expect(lineHint('Updated 09:15 BST')?.label).toBe('dateline');
    const { blocks } = seg([BODY_A, '1.52pm GMT', 'Ferry crossings cancelled for the day', BODY_B].join('\n'));
    expect(blocks.find((b) => b.text === 'Ferry crossings cancelled for the day')?.kind).toBe('heading');
  });
});

describe('segmentText: bylines without "By"', () => {
  it('reads a line of names between the headline and the date line as the byline', () => {
    const { blocks } = seg(['Storm closes the coast road', 'Nadia Petrov and Owen Lindqvist', 'March 3, 2024', BODY_A, BODY_B].join('\n\n'));
    expect(blocks.find((b) => b.text === 'Nadia Petrov and Owen Lindqvist')?.hintToken).toBe('text:byline-names');
  });

  it('leaves the same line alone elsewhere: a heading about those people', () => {
    const { blocks } = seg([BODY_A, 'Nadia Petrov and Owen Lindqvist', BODY_B, BODY_C].join('\n\n'));
    expect(blocks.find((b) => b.text === 'Nadia Petrov and Owen Lindqvist')?.hint).toBeNull();
  });

  it('takes the headline over the byline as the title past a list of key events', () => {
    const events = ['Key events', '1.52pm Ferry crossings cancelled for the day', '11.30am Thousands of homes without power', '8.15am Rail services suspended'];
    const { blocks } = seg(['Storm Ingrid live: rail services suspended as gales hit', 'Nadia Petrov and Owen Lindqvist', 'March 3, 2024', events.join('\n'), '1.52pm GMT', 'Ferry crossings cancelled for the day', BODY_A, BODY_B].join('\n\n'));
    expect(blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text).toBe('Storm Ingrid live: rail services suspended as gales hit');
  });
});
