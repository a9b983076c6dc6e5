/**
 * An invented news page whose article body can be repeated, for the scaling figures: the same
 * page shape at 1×, 10× and 100× the body size, so time and memory per byte can be compared. The
 * page comes as HTML and as the text a browser's select-all copy of it gives, for the text path.
 */

/** Paragraphs of an invented local-news story; each repeat numbers them so no two blocks are identical. */
const BODY_PARAGRAPHS: readonly string[] = [
  'The council of Marlow Bridge voted on Tuesday evening to reopen the old ferry crossing, closed since the spring floods damaged its landing stage, after a three-hour meeting that ran well past its planned end.',
  'Residents on both banks had argued for months that the detour through the ring road adds forty minutes to a journey that used to take ten, and that the market traders on the east side have lost a fifth of their custom.',
  '"We heard every objection, and we costed every one of them," said the chair of the transport committee, Ilse Varga, who read out the engineers\' survey line by line before the vote was taken.',
  'The repairs will be paid for from the flood reserve rather than from a new levy, the treasurer confirmed, although two members warned that the reserve would then be thin if the river rose again before the winter.',
  'Work on the landing stage is due to begin next month. The ferry operator said it would run a reduced timetable at first, with the first crossing at seven in the morning and the last at eight at night.',
  'Not everyone was pleased. A group of anglers who fish from the closed landing said they had not been consulted, and the harbour master asked for the speed limit on that stretch of the river to be reviewed.',
];

const SUBHEADING = 'What happens next';

/** The navigation, related teasers and footer, shared by the HTML page and its text rendering. */
const NAV_ITEMS: readonly [string, string][] = [['/', 'Home'], ['/news', 'News'], ['/sport', 'Sport'], ['/opinion', 'Opinion']];
const RELATED_HEADING = 'More from the Courier';
const RELATED_TEASERS: readonly [string, string][] = [
  ['/news/flood-reserve', 'Flood reserve to be topped up, says treasurer'],
  ['/news/market-traders', 'Market traders count the cost of the detour'],
  ['/news/anglers', 'Anglers ask for a say on the river'],
];
const HEADLINE = 'Ferry crossing to reopen after council vote';
const COPYRIGHT = '© 2024 Marlow Bridge Courier. All rights reserved.';

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One copy of the article body; `copy` (1-based) varies the text so repeats are distinct paragraphs. */
function bodyCopy(copy: number): string {
  const paragraphs = BODY_PARAGRAPHS.map((text, i) => {
    const linked = i === 1 ? text.replace('ring road', '<a href="/news/ring-road-works">ring road</a>') : escapeText(text);
    return `      <p>${linked} (Update ${copy}.${i + 1}.)</p>`;
  });
  paragraphs.splice(3, 0, `      <h2>${SUBHEADING} (${copy})</h2>`);
  return paragraphs.join('\n');
}

/** A whole page: head with metadata, navigation, the article with `repeat` copies of its body, related links, footer. */
export function syntheticPage(repeat: number): string {
  const copies: string[] = [];
  for (let copy = 1; copy <= repeat; copy++) copies.push(bodyCopy(copy));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ferry crossing to reopen after council vote | Marlow Bridge Courier</title>
  <meta property="og:title" content="Ferry crossing to reopen after council vote">
  <meta name="author" content="Tomasz Reilly">
  <meta property="article:published_time" content="2024-03-12T19:40:00+00:00">
  <link rel="canonical" href="https://courier.example/news/ferry-crossing-reopen">
</head>
<body>
  <header class="site-header">
    <nav class="main-nav"><ul>${NAV_ITEMS.map(([href, label]) => `<li><a href="${href}">${label}</a></li>`).join('')}</ul></nav>
  </header>
  <main>
    <article class="story">
      <h1>${HEADLINE}</h1>
      <p class="byline">By <a href="/authors/tomasz-reilly">Tomasz Reilly</a>, <time datetime="2024-03-12T19:40:00Z">12 March 2024</time></p>
      <div class="story-body">
${copies.join('\n')}
      </div>
    </article>
    <aside class="related">
      <h2>${RELATED_HEADING}</h2>
      <ul>
${RELATED_TEASERS.map(([href, title]) => `        <li><a href="${href}">${title}</a></li>`).join('\n')}
      </ul>
    </aside>
  </main>
  <footer class="site-footer"><p>${COPYRIGHT}</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
`;
}

/** One copy of the article body as text: the paragraphs, with the subheading where the HTML has it. */
function bodyCopyText(copy: number): string[] {
  const paragraphs = BODY_PARAGRAPHS.map((text, i) => `${text} (Update ${copy}.${i + 1}.)`);
  paragraphs.splice(3, 0, `${SUBHEADING} (${copy})`);
  return paragraphs;
}

/**
 * {@link syntheticPage} as a browser's select-all copy gives it: one line per block, a blank line between
 * the article's blocks, the menu and the teasers one item per line.
 */
export function syntheticText(repeat: number): string {
  const body: string[] = [];
  for (let copy = 1; copy <= repeat; copy++) body.push(...bodyCopyText(copy));
  return [
    NAV_ITEMS.map(([, label]) => label).join('\n'),
    HEADLINE,
    'By Tomasz Reilly, 12 March 2024',
    ...body,
    RELATED_HEADING,
    RELATED_TEASERS.map(([, title]) => title).join('\n'),
    `${COPYRIGHT}\nPrivacy`,
  ].join('\n\n') + '\n';
}

/** Which path a scaling run times: the HTML page, or its select-all text through the text path. */
export type ScalingFormat = 'html' | 'text';

/** The invented page with `repeat` copies of its body, in the given format. */
export function scalingInput(format: ScalingFormat, repeat: number): string {
  return format === 'html' ? syntheticPage(repeat) : syntheticText(repeat);
}
