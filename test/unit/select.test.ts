/** Region choice on page shapes where a class name or an early label misleads. */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const sentence = (topic: string, n: number): string =>
  `The council's ${topic} review found that ${n} of the district's bridges needed repairs before winter, and the engineers said the work would start next month.`;

const paragraphs = (topic: string, count: number): string =>
  Array.from({ length: count }, (_, i) => `<p>${sentence(topic, i + 3)} ${sentence(topic, i + 11)}</p>`).join('\n');

describe('selectRegion', () => {
  it('keeps an article whose wrapper carries a boilerplate class name when it holds most of the prose', () => {
    const html = `<html><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <div class="teaser-wrapper"><h1>Bridges to be repaired</h1>${paragraphs('bridge', 6)}</div>
      <div class="site-intro">${paragraphs('parking', 3)}</div>
      </body></html>`;
    const article = extract(html);
    // Without the overrule the small unhinted block wins and the article is lost.
    expect(article.paragraphs.filter((p) => p.includes('bridge review'))).toHaveLength(6);
  });

  it('takes a lead paragraph set in a sibling of the body container', () => {
    const lead = `<div class="standfirst"><p>${sentence('lead', 1)}</p></div>`;
    const html = `<html><body><article><h1>Bridges to be repaired</h1>${lead}<div class="article-body">${paragraphs('bridge', 4)}</div></article>
      <aside class="sidebar"><p>${sentence('parking', 2)}</p></aside></body></html>`;
    const article = extract(html);
    expect(article.text).toContain('lead review');
    expect(article.text).not.toContain('parking');
  });

  it('still drops a boilerplate box that holds less than most of the prose', () => {
    const html = `<html><body><article><h1>Bridges to be repaired</h1>${paragraphs('bridge', 5)}
      <div class="teaser"><h3><a href="/library">Library opens longer on Sundays</a></h3><p>${sentence('library', 2)}</p></div></article></body></html>`;
    const article = extract(html);
    expect(article.paragraphs).toHaveLength(5);
    expect(article.text).not.toContain('library');
  });

  it('keeps the lead set under a layout-slot class (`article-header`, `teaser`) inside the region', () => {
    const html = `<html><body><article><h1>Bridges to be repaired</h1>
      <div class="article-header"><p class="teaser">${sentence('lead', 1)}</p><span>5 min</span></div>
      ${paragraphs('bridge', 4)}</article></body></html>`;
    const article = extract(html);
    expect(article.text).toContain('lead review');
    expect(article.text).not.toContain('5 min');
  });

  it('takes the standfirst from the article header box when the body container sits deeper', () => {
    const html = `<html><body><div class="site-top"><p>${sentence('site', 9)}</p></div>
      <main><article><div class="article-header"><h1>Bridges to be repaired</h1><p>${sentence('lead', 1)}</p>
      <div class="share"><a href="#comments">Comments</a></div><span>May 5, 2024</span></div>
      <div class="layout"><div class="article-body">${paragraphs('bridge', 4)}</div></div></article></main></body></html>`;
    const article = extract(html);
    expect(article.text).toContain('lead review');
    expect(article.text).toContain('bridge review');
    expect(article.text).not.toContain('May 5');
    expect(article.text).not.toContain('site review');
  });

  it('does not take a longer text widget in the sidebar for a short post', () => {
    // The link list costs the page wrapper its lead, so the widget would outscore every region holding the post.
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/archive/${i}">Archive of month number ${i}</a></li>`).join('');
    const html = `<html><body><div class="page"><div class="post"><h1>Bridges to be repaired</h1>${paragraphs('bridge', 2)}</div>
      <ul>${links}</ul><div class="widget-area"><div class="textwidget">${paragraphs('about', 3)}</div></div></div></body></html>`;
    const text = extract(html).text;
    expect(text).toContain('bridge review');
    expect(text).not.toContain('about review');
  });

  it('drops a slot-named box that holds a teaser card, headline link and all', () => {
    const html = `<html><body><article><h1>Bridges to be repaired</h1>${paragraphs('bridge', 4)}
      <div class="bottom"><h3><a href="/parking">Parking fees rise in the old town</a></h3><p>${sentence('parking', 2)}</p></div></article></body></html>`;
    expect(extract(html).text).not.toContain('parking');
  });

  it('does not let a comment thread that outweighs the article into the body', () => {
    const comments = Array.from({ length: 12 }, (_, i) => `<li class="comment"><p>${sentence('reader', i)}</p></li>`).join('');
    const html = `<html><body><article><h1>Bridges to be repaired</h1>${paragraphs('bridge', 2)}</article>
      <section id="comments"><h2>Comments</h2><ol class="comment-list">${comments}</ol></section></body></html>`;
    const article = extract(html);
    expect(article.paragraphs).toHaveLength(2);
    expect(article.text).not.toContain('reader');
  });

  it('keeps a short post whose long comment thread sits inside the same wrapper', () => {
    const reply = (i: number): string =>
      `<dd><p>${sentence('reader', i)} ${sentence('reader', i + 1)}</p></dd>`;
    // Three times the article's prose: enough to outscore it at the generic boilerplate factor.
    const thread = Array.from({ length: 8 }, (_, i) => `<dt>Reader ${i}</dt>${reply(i)}`).join('');
    const html = `<html><body><div class="content"><h1>Bridges to be repaired</h1>${paragraphs('bridge', 2)}
      <div id="comments"><dl>${thread}</dl></div></div></body></html>`;
    const article = extract(html);
    expect(article.paragraphs.filter((p) => p.includes('bridge review'))).toHaveLength(2);
    expect(article.text).not.toContain('reader review');
  });

  it('ignores a "Comments" link between the headline and the first paragraph', () => {
    const html = `<html><body><main><header><h1>Bridges to be repaired</h1><h2>Work starts next month</h2>
      <div class="info"><a href="#comments">Comments</a></div></header>
      <div class="body">${paragraphs('bridge', 4)}</div></main></body></html>`;
    const article = extract(html);
    expect(article.paragraphs).toHaveLength(4);
  });
});

describe('headings', () => {
  it('keeps a standfirst set as a heading when a subheading follows it', () => {
    const html = `<html><body><article><h1>Bridges to be repaired</h1>
      <h3>After a wet winter the district's engineers found cracks in most of the old river bridges this spring</h3>
      <h3>What the survey found</h3>${paragraphs('bridge', 4)}</article></body></html>`;
    expect(extract(html).text).toContain('found cracks in most');
  });

  it('still drops a short heading that a sibling heading follows', () => {
    const html = `<html><body><article><h1>Bridges to be repaired</h1>${paragraphs('bridge', 3)}
      <h3>Gallery</h3><h3>What the survey found</h3>${paragraphs('survey', 2)}</article></body></html>`;
    expect(extract(html).text).not.toContain('Gallery');
  });
});

describe('author boxes', () => {
  it('ends the body at an author box heading near the end', () => {
    const html = `<html><body><article><h1>Bridges to be repaired</h1>${paragraphs('bridge', 5)}
      <h3>About the author</h3><p>${sentence('career', 4)}</p></article></body></html>`;
    const text = extract(html).text;
    expect(text).toContain('bridge review');
    expect(text).not.toContain('career review');
    expect(text).not.toContain('About the author');
  });

  it('keeps the text after a person box in the middle of an interview', () => {
    const html = `<html><body><article><h1>Bridges to be repaired</h1>${paragraphs('bridge', 1)}
      <h3>Zur Person</h3><p>${sentence('career', 4)}</p>${paragraphs('interview', 5)}</article></body></html>`;
    const text = extract(html).text;
    expect(text).toContain('career review');
    expect(text).toContain('interview review');
  });
});

describe('listing or article', () => {
  const item = (n: number): string =>
    `<p>Residents can now see ${n} new routes on the map, and the council said more would follow once the survey ends.</p>`;

  it('keeps an article whose paragraphs all sit inside one list item', () => {
    const html = `<html><body><ul class="notes"><li><h1>A faster way to the station</h1>
      ${item(1)}${item(2)}${item(3)}${item(4)}</li></ul></body></html>`;
    const text = extract(html).text;
    for (const n of [1, 2, 3, 4]) expect(text).toContain(`see ${n} new routes`);
  });

  it('still calls a list of one-excerpt teaser items a listing', () => {
    const teasers = [1, 2, 3, 4, 5].map((n) => `<li><h2><a href="/story-${n}">Story ${n}</a></h2>${item(n)}</li>`).join('');
    expect(() => extract(`<html><body><ul class="stories">${teasers}</ul></body></html>`)).toThrow(/listing|No article/);
  });
});

describe('comment sections', () => {
  const para = (n: number): string =>
    `<p>The scheduler retries a task ${n} times before it gives up, and each retry waits twice as long as the one before it did.</p>`;

  it('reads a "Comment" column header in a data table as table text, not as the start of comments', () => {
    const html = `<html><body><article><h1>How the scheduler works</h1>${para(1)}${para(2)}
      <table><tr><td><p>Status</p></td><td><p>Comment</p></td></tr><tr><td><p>new</p></td><td><p>Waiting in the queue.</p></td></tr></table>
      ${para(3)}${para(4)}</article></body></html>`;
    const text = extract(html).text;
    expect(text).toContain('3 times');
    expect(text).toContain('4 times');
  });

  it('does not cut at a "Comments" link in a post\'s meta row, even after a welcome paragraph', () => {
    const html = `<html><body><div class="post"><p>Welcome to the blog! If you are new here, you can read about the author and how the blog began on the about page.</p>
      <div class="post-meta"><a href="#comments">Comments</a></div><h1>How the scheduler works</h1>${para(1)}${para(2)}${para(3)}</div></body></html>`;
    const text = extract(html).text;
    for (const n of [1, 2, 3]) expect(text).toContain(`${n} times`);
  });

  it('still ends the body at a standalone Comments heading after the prose', () => {
    const html = `<html><body><article><h1>How the scheduler works</h1>${para(1)}${para(2)}${para(3)}
      <h3>Comments</h3><p>Great write-up, thanks for sharing how the retries are spaced out over the day.</p></article></body></html>`;
    expect(extract(html).text).not.toContain('Great write-up');
  });
});

describe('cutAtComments on text pages', () => {
  const storyLines = (count: number): string => Array.from({ length: count }, (_, i) => `${sentence('bridge', i + 3)} ${sentence('bridge', i + 20)}`).join('\n\n');

  it('does not cut at a comment-count link in the tool row above the story', () => {
    const text = [
      'Bridges to be repaired before winter',
      'Engineers inspect the river crossing at dawn on Tuesday as traffic waits at both ends of the bridge.',
      'STORY TOOLS', 'E-mail story', 'Comments', 'Printer friendly', 'Share',
      storyLines(6),
      'Comments',
      'Maria K. wrote at 9:14: Finally, the crossing has been shaking for years and nobody listened to us at all.',
    ].join('\n\n');
    const article = extract(text, { format: 'text' });
    // Before the count-link exception the "Comments" tool link cut every paragraph below it.
    expect(article.paragraphs.filter((p) => p.includes('bridge review'))).toHaveLength(6);
    expect(article.text).not.toContain('Finally, the crossing');
  });
});

describe('comment sections on text pages', () => {
  const story = (count: number): string => Array.from({ length: count }, (_, i) => `${sentence('bridge', i + 3)} ${sentence('bridge', i + 20)}`).join('\n\n');
  const comment = (i: number): string =>
    `Reader ${i} wrote: I have crossed that bridge every morning for ${i + 2} years and the potholes on the north ramp have only grown worse, so I am glad the council finally listened to the people who use it.`;

  it('keeps the article when a long comment thread after it outweighs it', () => {
    const text = ['Bridges to be repaired before winter', story(4), 'Comments', ...Array.from({ length: 80 }, (_, i) => comment(i))].join('\n\n');
    const article = extract(text, { format: 'text' });
    // Before, the thread won the region and, its blocks all hinted as comments, the page had no article.
    expect(article.paragraphs.filter((p) => p.includes('bridge review'))).toHaveLength(4);
    expect(article.text).not.toContain('Reader 5 wrote');
  });

  it('reads a comment count above the story as a count even after a site blurb', () => {
    const blurb = 'Updated around the clock by readers like you, our site shows what the city talks about.';
    const dek = 'Work on the old river crossing will start next month, the council said today.';
    // Two prose lines come before the count: enough paragraphs for a comment heading, but too few words for an article.
    const text = [blurb, 'Bridges to be repaired before winter', dek, 'By Jane Doe', '4 Comments', 'Print', story(5)].join('\n\n');
    const article = extract(text, { format: 'text' });
    expect(article.paragraphs.filter((p) => p.includes('bridge review'))).toHaveLength(5);
  });
});

describe('breadcrumbs on text pages', () => {
  const sidebar = (count: number): string =>
    Array.from({ length: count }, (_, i) => `${sentence('parking', i + 3)} ${sentence('parking', i + 30)} ${sentence('parking', i + 40)}`).join('\n\nMenu\nBlog\nPodcast\nAbout\n\n');

  it('starts the article at a breadcrumb over its headline, though the sidebar above it weighs more', () => {
    const text = ['Home', sidebar(4), 'Home / Bridges to be repaired before winter', 'Bridges to be repaired before winter', 'Posted by Jane Doe', `${sentence('bridge', 3)} ${sentence('bridge', 4)}`].join('\n\n');
    const article = extract(text, { format: 'text' });
    expect(article.text).toContain('bridge review');
    expect(article.text).not.toContain('parking review');
    expect(article.text).not.toContain('Home / Bridges');
  });

  it('leaves a breadcrumb whose last step is not the next line alone', () => {
    const text = ['Home / News', `${sentence('bridge', 3)} ${sentence('bridge', 4)}`, `${sentence('bridge', 5)} ${sentence('bridge', 6)}`].join('\n\n');
    const article = extract(text, { format: 'text', explain: true });
    const crumb = article.explain?.find((b) => b.text === 'Home / News');
    expect(crumb).toBeDefined();
    expect(crumb?.reason).not.toContain('breadcrumb');
  });
});

describe('what lies below the comments on text pages', () => {
  it('keeps a short post over the longer footer prose below its comment form', () => {
    const post = `${sentence('bridge', 3)} ${sentence('bridge', 4)}`;
    const footer = Array.from({ length: 8 }, (_, i) => `${sentence('parking', i + 3)} ${sentence('parking', i + 30)} ${sentence('parking', i + 40)}`);
    const text = ['Bridges to be repaired', post, 'Share this:', 'Leave a Reply', 'Your email address will not be published. Required fields are marked *', 'Name', 'Email', 'Recent Posts', 'Mayor Opens New Library', 'Roads To Be Repaired', 'About this blog', ...footer].join('\n\n');
    const article = extract(text, { format: 'text' });
    expect(article.text).toContain('bridge review');
    expect(article.text).not.toContain('parking review');
  });
});

describe('short fragments on text pages', () => {
  it('drops a stray link line between paragraphs but keeps a line of code', () => {
    const para = (i: number): string => `${sentence('bridge', i)} ${sentence('bridge', i + 20)}`;
    const text = [para(3), 'more photos', para(4), 'x = f(y);', para(5), para(6)].join('\n\n');
    const article = extract(text, { format: 'text', explain: true });
    expect(article.explain?.find((b) => b.text === 'more photos')).toMatchObject({ kept: false, reason: 'text-fragment' });
    expect(article.paragraphs).toContain('x = f(y);');
    // The HTML path keeps such a line: its markup says what it is.
    const html = extract(`<html><body><article>${[para(3), 'more photos', para(4), para(5)].map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
    expect(html.paragraphs).toContain('more photos');
  });
});

describe('site boxes on text pages', () => {
  const story = (count: number, from: number): string[] => Array.from({ length: count }, (_, i) => `${sentence('bridge', from + i)} ${sentence('bridge', from + i + 20)}`);

  it('ends the article at the heading of a site box, however much prose lies under it', () => {
    const letter = 'Every spring we ask our readers what they want more of, and every year the answer surprises us a little. This year we want to hear about the late meetings and the businesses that keep going after dark, and about what you would skip.';
    const text = ['Bridges to be repaired before winter', ...story(2, 3), 'From the editor', letter, letter.replace('spring', 'autumn'), letter.replace('spring', 'summer')].join('\n\n');
    const article = extract(text, { format: 'text' });
    expect(article.paragraphs).toHaveLength(2);
    expect(article.text).not.toContain('Every spring');
  });

  it('reads a box name among menu lines as a menu entry, not as the end of the article', () => {
    const text = ['Bridges to be repaired before winter', ...story(2, 3), ['News', 'Sport', 'Upcoming Events', 'Weather', 'Traffic'].join('\n'), ...story(3, 8)].join('\n\n');
    const article = extract(text, { format: 'text' });
    expect(article.paragraphs.filter((p) => p.includes('bridge review'))).toHaveLength(5);
  });
});

describe('selectRegion on plain text: typed lists', () => {
  const intro =
    'The spring update is out today on every platform, and it is the largest one since the game launched two years ago, with a new coast to explore.';
  const items = ['+ Added lanterns', '+ Added driftwood', '+ Fishing now rewards rare shells at night, and the rarest shell can be traded for a compass', '- Removed the old map editor'];

  it('keeps the whole list typed under the last paragraph, short items too', () => {
    const article = extract(['Harbor Quest 2.4', intro, items.join('\n'), 'Official links:\nMerchandise\nSupport'].join('\n\n'), { format: 'text' });
    expect(article.text).toContain('Added lanterns');
    expect(article.text).toContain('Removed the old map editor');
    expect(article.text).not.toContain('Merchandise');
  });

  it('does not take one marked line under the article, nor a list of links', () => {
    const one = extract(['Harbor Quest 2.4', intro, intro.replace('spring', 'autumn'), '- Have a view on this story? Send us your feedback!', 'Email this story'].join('\n\n'), { format: 'text' });
    expect(one.text).not.toContain('Have a view');
    const linked = extract(['Harbor Quest 2.4', intro, '* [1]Harbour festival returns\n* [2]Ferry timetable changes', 'References\n\n1. https://example.org/festival\n2. https://example.org/ferry'].join('\n\n'), { format: 'text' });
    expect(linked.text).not.toContain('Harbour festival');
    const menu = extract(['Harbor Quest 2.4', intro, intro.replace('spring', 'autumn'), '* Politics\n* Business\n* Sport\n* Travel'].join('\n\n'), { format: 'text' });
    expect(menu.text).not.toContain('Politics');
    const rail = extract(['Harbor Quest 2.4', intro, intro.replace('spring', 'autumn'), '- Mayor Opens New Library in Town Centre\n- Ferry Timetable Changes for the Summer\n- Harbour Festival Returns After Two Years'].join('\n\n'), { format: 'text' });
    expect(rail.text).not.toContain('Mayor Opens');
  });
});
