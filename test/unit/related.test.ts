/**
 * Related links on the HTML path: which teaser blocks count, which URLs name an article, and how
 * one card's blocks become one link. Pages are invented, in the shapes news templates use.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { articleLikeUrl } from '../../src/extract/related.js';

const SITE = 'https://news.example';
const PAGE_URL = `${SITE}/city/2024/03/12/council-approves-new-tram-line-8812`;

const BODY = [
  'The city council voted on Tuesday evening to approve the long-debated tram line that will link the eastern districts with the central station, ending three years of hearings.',
  'Supporters said the line would cut commuting times in half for thousands of residents, while opponents warned that the budget had already grown twice since the first plans were drawn.',
  'Construction is expected to begin next spring, and the transport authority said it would publish a detailed timetable for the works before the summer holidays begin.',
  'Shop owners along the planned route asked for compensation during the works, and the council agreed to set up a fund that will be reviewed every six months by an independent panel.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

function page(extra: { before?: string; after?: string }): string {
  return `<!doctype html><html lang="en"><head><title>Council approves new tram line</title></head><body>
<header class="site-header"><nav class="main-nav"><ul>
  <li><a href="/city/">City</a></li><li><a href="/politics/">Politics</a></li><li><a href="/world/us_and_canada">US and Canada</a></li>
</ul></nav></header>
${extra.before ?? ''}
<main><article><h1>Council approves new tram line</h1>
<div class="article-body">${BODY}</div></article></main>
${extra.after ?? ''}
<footer class="site-footer"><ul><li><a href="/about-us/">About us</a></li><li><a href="/privacy-policy">Privacy policy</a></li></ul></footer>
</body></html>`;
}

function relatedUrls(html: string): string[] {
  return extract(html, { url: PAGE_URL }).related.map((l) => l.url ?? '');
}

describe('articleLikeUrl', () => {
  it('takes slugs, ids and dated slugs', () => {
    expect(articleLikeUrl(`${SITE}/world/obama-urges-uk-to-stay`)).toBe(true);
    expect(articleLikeUrl(`${SITE}/news/business-22042657`)).toBe(true);
    expect(articleLikeUrl(`${SITE}/2012/05/17/stammtisch/`)).toBe(true);
    expect(articleLikeUrl(`${SITE}/index.php?p=4711`)).toBe(true);
  });

  it('leaves out fronts, archives, tag, author and account pages, and ad redirects', () => {
    expect(articleLikeUrl(`${SITE}/`)).toBe(false);
    expect(articleLikeUrl(`${SITE}/politics/`)).toBe(false);
    expect(articleLikeUrl(`${SITE}/2012/05/`)).toBe(false);
    expect(articleLikeUrl(`${SITE}/tag/climate-change-and-energy-policy`)).toBe(false);
    expect(articleLikeUrl(`${SITE}/author/jane-doe-smith/`)).toBe(false);
    expect(articleLikeUrl(`${SITE}/jobs/senior-editor-m-w-d-4485370`)).toBe(false);
    expect(articleLikeUrl('https://ad.doubleclick.net/clk?id=4881502250')).toBe(false);
    expect(articleLikeUrl('https://tracker.example/click/here.pl?z=8517822863')).toBe(false);
  });
});

describe('related links (HTML)', () => {
  it('reads a card through its header and date wrappers as one link titled by its headline', () => {
    const html = page({
      after: `<aside class="related-stories"><h2>More on this story</h2><ul>
  <li><div class="card__header"><a href="/city/2024/03/01/tram-depot-site-chosen-8700"><span class="kicker">Depot</span></a>
    <h3><a href="/city/2024/03/01/tram-depot-site-chosen-8700">Site chosen for the new tram depot</a></h3></div>
    <p>The depot will sit on former rail land east of the river.</p>
    <div class="timestamp"><a href="/city/2024/03/01/tram-depot-site-chosen-8700">1 March 2024</a></div></li>
  <li><div class="card__header"><h3><a href="/city/2024/02/20/bus-fares-frozen-8650">Bus fares frozen for another year</a></h3></div></li>
</ul></aside>`,
    });
    const article = extract(html, { url: PAGE_URL });
    expect(article.related.map((l) => l.url)).toEqual([
      `${SITE}/city/2024/03/01/tram-depot-site-chosen-8700`,
      `${SITE}/city/2024/02/20/bus-fares-frozen-8650`,
    ]);
    expect(article.related[0]!.title).toBe('Site chosen for the new tram depot');
    expect(article.related[0]!.section).toBe('More on this story');
  });

  it('finds a run of headline links without class names, but not a run of section links', () => {
    const html = page({
      after: `<div><h2>Most read</h2>
  <h3><a href="/world/2024/03/11/storm-closes-three-airports">Storm closes three airports</a></h3>
  <h3><a href="/sport/cup-final-tickets-sold-out-9001">Cup final tickets sold out in an hour</a></h3>
  <h3><a href="/business/bakery-chain-to-open-forty-shops-9002">Bakery chain to open forty new shops</a></h3>
</div>
<div><h3><a href="/weather/">Weather forecast today</a></h3><h3><a href="/sport/">All the sport news</a></h3><h3><a href="/arts/">Arts and culture reviews</a></h3></div>`,
    });
    expect(relatedUrls(html)).toEqual([
      `${SITE}/world/2024/03/11/storm-closes-three-airports`,
      `${SITE}/sport/cup-final-tickets-sold-out-9001`,
      `${SITE}/business/bakery-chain-to-open-forty-shops-9002`,
    ]);
  });

  it('leaves out teaser cards in a menu drop-down and boxes of ad networks or under a sponsored label', () => {
    const html = page({
      before: `<nav class="menu"><ul><li><a href="/city/">City</a>
  <div class="flyout teasers"><ul><li><a href="/city/2024/03/10/new-library-opens-its-doors">New library opens its doors</a></li></ul></div></li></ul></nav>`,
      after: `<div class="OUTBRAIN"><ul><li><a href="/partner/you-will-not-believe-these-photos-77123">You will not believe these photos</a></li></ul></div>
<aside class="recommended"><h2>From around the web</h2><ul>
  <li><a href="https://other.example/ten-tricks-doctors-do-not-tell-you">Ten tricks doctors do not tell you</a></li></ul></aside>`,
    });
    expect(relatedUrls(html)).toEqual([]);
  });

  it('leaves out section links in a teaser box when the site menu links them too', () => {
    const html = page({
      after: `<aside class="more-from"><h2>More from US and Canada</h2><ul>
  <li><a href="/world/us-and-canada/senate-passes-budget-bill-5501">Senate passes budget bill after all-night session</a>
    <p>From the section <a href="/world/us_and_canada">US and Canada</a></p></li></ul></aside>`,
    });
    expect(relatedUrls(html)).toEqual([`${SITE}/world/us-and-canada/senate-passes-budget-bill-5501`]);
  });

  it('titles a live feed permalink on a time stamp by the headline beside it', () => {
    const html = page({
      after: `<aside class="sidebar"><h2>Live</h2><ul>
  <li><div><a href="/live/element/6196/">14:44</a> <a href="/live/#item-6196">Harbour bridge reopens after repairs</a></div></li>
  <li><div><a href="/live/element/6195/">14:32</a> <a href="/live/#item-6195">Museum extends its opening hours</a></div></li>
</ul></aside>`,
    });
    const article = extract(html, { url: PAGE_URL });
    expect(article.related.map((l) => [l.url, l.title])).toEqual([
      [`${SITE}/live/element/6196/`, 'Harbour bridge reopens after repairs'],
      [`${SITE}/live/element/6195/`, 'Museum extends its opening hours'],
    ]);
  });

  it('leaves out priced product cards, previous/next links and links in running prose of a box', () => {
    const html = page({
      after: `<div class="related-products"><ul>
  <li><div><h3><a href="/shop/tram-model-kit-scale-1-87.html">Tram model kit, scale 1:87</a></h3><div>Price: 39,90 €</div></div></li></ul></div>
<div class="post-navigation"><a href="/city/2024/03/11/night-buses-return-8800">← Night buses return to the old town</a>
  <a href="/city/2024/03/13/cycle-lanes-widened-8820">Cycle lanes widened on the ring road →</a></div>
<aside class="sidebar"><p>Our reporters followed the debate all evening, and you can read the full <a href="/city/2024/03/12/council-debate-transcript-8813">transcript</a> of every speech given in the chamber, along with the votes of each member.</p></aside>`,
    });
    expect(relatedUrls(html)).toEqual([]);
  });

  it('takes the links under a related label, titles read-more buttons by their headline, and keeps «quoted» headlines', () => {
    const html = page({
      after: `<div><h2>Lire aussi</h2>
  <div><a href="/societe/2024/03/10/le-maire-repond-aux-habitants_9101">Le maire répond : «Nous tiendrons les délais»</a></div></div>
<div class="more-stories"><div><h3>Les travaux commencent au printemps</h3><p>Le chantier durera deux ans.</p><a href="/societe/2024/03/09/travaux-du-tram-calendrier_9100">Lire la suite</a></div>
</div>`,
    });
    const article = extract(html, { url: PAGE_URL });
    expect(article.related.map((l) => [l.url, l.title])).toEqual([
      [`${SITE}/societe/2024/03/10/le-maire-repond-aux-habitants_9101`, 'Le maire répond : «Nous tiendrons les délais»'],
      [`${SITE}/societe/2024/03/09/travaux-du-tram-calendrier_9100`, 'Les travaux commencent au printemps'],
    ]);
    expect(article.related[0]!.section).toBe('Lire aussi');
  });

  it('reads a "most shared" list inside a related box, and a sponsored label silences only its own box', () => {
    const html = page({
      after: `<aside class="sidebar">
  <div class="most-shared"><h2>Most shared</h2><ul>
    <li><a href="/city/2024/03/08/river-swimming-ban-lifted-8601">River swimming ban lifted after tests</a></li></ul></div>
  <div><h2>Sponsored</h2><ul><li><a href="https://brand.example/why-this-mattress-sells-out-every-week">Why this mattress sells out every week</a></li></ul></div>
  <div class="latest"><h2>Latest</h2><ul><li><a href="/city/2024/03/12/market-hall-gets-new-roof-8811">Market hall gets a new roof</a></li></ul></div>
</aside>`,
    });
    expect(relatedUrls(html)).toEqual([`${SITE}/city/2024/03/08/river-swimming-ban-lifted-8601`, `${SITE}/city/2024/03/12/market-hall-gets-new-roof-8811`]);
  });

  it('leaves out a menu tree without class names (deeply nested lists)', () => {
    const html = page({
      after: `<div><ul><li><a href="/services/">Services</a><ul><li><a href="/services/family/">Family</a><ul>
  <li><a href="/services/family/coronavirus-information-for-families">Coronavirus information for families</a></li>
  <li><a href="/services/family/questions-and-answers-for-parents">Questions and answers for parents</a></li>
  <li><a href="/services/family/recommendations-for-youth-work">Recommendations for youth work</a></li>
</ul></li></ul></li></ul></div>`,
    });
    expect(relatedUrls(html)).toEqual([]);
  });

  it('leaves out reference-list entries, which cite sources', () => {
    const html = page({
      after: `<div><h2>References</h2><ol>
  <li>^ <a href="https://stats.example/releases/2018-census-population-counts-5501">"2018 census population and dwelling counts"</a>. Statistics office.</li>
  <li>^ <a href="https://reports.example/2018/human-development-report-statistical-update">"Human development report 2018"</a>. Reports office.</li>
  <li>^ <a href="https://archive.example/2019/land-cover-database-version-five">"The land cover database"</a>. Land office.</li>
</ol></div>`,
    });
    expect(relatedUrls(html)).toEqual([]);
  });
});
