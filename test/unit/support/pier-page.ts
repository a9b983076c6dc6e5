/** An invented page the Readability vote tests share: a short article beside a longer box of reader comments. */

export const LEAD = 'The harbour council voted on Tuesday to rebuild the old pier, after two winters of storms left it closed to boats and walkers alike.';
export const CLOSE = 'Work starts in spring, the mayor said, and should take eighteen months.';
export const comment = (n: number): string =>
  `Reader comment number ${n}: I walked on that pier every day for years, and I think the council waited far too long, honestly, to do anything at all about it.`;

/** The article is under Readability's 500 characters, so its usual retries bring the comments back. */
export const PIER_PAGE = `<html><head><title>Pier to be rebuilt</title></head><body><div class="header">Harbour Gazette</div>
<div class="article-body"><p>${LEAD}</p><p>${CLOSE}</p></div>
<div class="comment-list sidebar">${[1, 2, 3, 4, 5, 6].map((n) => `<p>${comment(n)}</p>`).join('')}</div></body></html>`;
