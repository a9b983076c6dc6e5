import { describe, expect, it } from 'vitest';
import { digitsFolded, hintAfterClasses, readClasses, readHint } from '../../src/extract/hints.js';

describe('element hints from class, id, role and tag', () => {
  it('reads a class token as its box', () => {
    expect(readHint('div', 'post-sharing widget', '', null, null)).toMatchObject({ label: 'share', positive: false });
    expect(readHint('div', 'entry-content clearfix', '', null, null)).toMatchObject({ label: null, positive: true });
  });

  it('lets a content class outweigh a negative id', () => {
    expect(readHint('div', 'entry-content', 'comments', null, null)).toMatchObject({ label: null, positive: true });
  });

  it('reads a short id as one more token after the classes', () => {
    expect(readHint('section', 'wrapper', 'comments', null, null)).toMatchObject({ label: 'comments', token: 'comment' });
    // The first negative token wins: the class is read before the id.
    expect(readHint('section', 'newsletter-box', 'comments', null, null)).toMatchObject({ label: 'newsletter' });
  });

  it("reads a page builder's widget slot by the widget's type, not by the word widget", () => {
    // Elementor wraps every block in `elementor-widget` boxes, the article's text included.
    for (const className of ['elementor-element elementor-widget elementor-widget-text-editor', 'elementor-widget-container', 'elementor-widget-wrap elementor-element-populated']) {
      expect(readHint('div', className, '', null, null).label).toBeNull();
    }
    expect(readHint('div', 'elementor-widget elementor-widget-share-buttons', '', null, null)).toMatchObject({ label: 'share' });
    expect(readHint('div', 'elementor-widget elementor-widget-nav-menu', '', null, null)).toMatchObject({ label: 'navigation' });
    // Widgets listing other posts, and WordPress's own sidebar widgets placed in the page, stay related boxes.
    expect(readHint('div', 'elementor-widget elementor-widget-posts', '', null, null)).toMatchObject({ label: 'related', token: 'widget' });
    expect(readHint('div', 'elementor-widget elementor-widget-wp-widget-recent-posts', '', null, null)).toMatchObject({ label: 'related' });
    // Outside a builder's prefix the word keeps its meaning: a theme's sidebar widget.
    expect(readHint('section', 'widget widget_text', '', null, null)).toMatchObject({ label: 'related', token: 'widget' });
  });

  it("reads Adobe Experience Manager's cmp- components by their name, not as a consent platform", () => {
    expect(readHint('div', 'cmp-text', 'text-6cb7081e8d', null, null).label).toBeNull();
    expect(readHint('div', 'cmp-container', '', null, null).label).toBeNull();
    expect(readHint('nav', 'cmp-navigation', '', null, null)).toMatchObject({ label: 'navigation' });
    // A consent platform's own class keeps its label.
    expect(readHint('a', 'eco-cmp-show-settings', '', null, null)).toMatchObject({ label: 'cookie', token: 'cmp' });
  });

  it('skips a slug-like id of four parts or more, and a class equal to it', () => {
    expect(readHint('div', '', 'share-this-post-box', null, null).label).toBeNull();
    // The same words as a class name the box …
    expect(readHint('div', 'share-this-post-box', 'main', null, null)).toMatchObject({ label: 'share' });
    // … but a class that repeats the slug-like id is skipped with it.
    expect(readHint('div', 'share-this-post-box', 'share-this-post-box', null, null).label).toBeNull();
    expect(readHint('div', 'wrapper share-this-post-box', 'share-this-post-box', null, null).label).toBeNull();
  });

  it('falls back to the role, then the tag', () => {
    expect(readHint('div', 'wrapper', 'x1', 'navigation', null)).toMatchObject({ label: 'navigation', token: 'role=navigation' });
    expect(readHint('aside', 'wrapper', '', null, null)).toMatchObject({ label: 'related', token: '<aside>', weak: true });
    expect(readHint('div', 'wrapper', '', null, null).label).toBeNull();
  });

  it('reads an itemprop naming the article body as content, whatever the classes say', () => {
    expect(readHint('div', 'comments', '', null, 'articleBody')).toMatchObject({ positive: true, label: null });
  });

  it('gives the same hint from a class verdict read once as from reading the element whole', () => {
    const cases: [string, string, string, string | null, string | null][] = [
      ['div', 'menu-item nav', 'top', null, null],
      ['li', 'menu-item nav', 'related-posts', null, null],
      ['div', 'article-body', 'sidebar', 'complementary', null],
      ['footer', '', '', null, null],
      ['div', 'cookie-banner  js-x', 'consent', 'dialog', 'text'],
    ];
    for (const [tag, className, id, role, itemprop] of cases) {
      expect(hintAfterClasses(tag, readClasses(className), id, role, itemprop)).toEqual(readHint(tag, className, id, role, itemprop));
    }
  });
});

describe('digitsFolded', () => {
  it('cuts each run of digits to one 0 and leaves other tokens alone', () => {
    expect(digitsFolded('post-12345')).toBe('post-0');
    expect(digitsFolded('div-gpt-ad-1700000000-0')).toBe('div-gpt-ad-0-0');
    expect(digitsFolded('h2Title3')).toBe('h0Title0');
    expect(digitsFolded('12')).toBe('0');
    const plain = 'entry-content';
    expect(digitsFolded(plain)).toBe(plain);
  });

  it('gives numbered tokens the verdict their digits do not change', () => {
    for (const [a, b] of [
      ['comment-12', 'comment-98765'],
      ['share-bar-2024-07', 'share-bar-1-1'],
      ['postid-123', 'postid-9'],
      ['sharing-with-7-developers-now', 'sharing-with-1234-developers-now'],
      ['col12Related', 'col3Related'],
    ]) {
      expect(readHint('div', '', a!, null, null)).toEqual(readHint('div', '', b!, null, null));
      expect(readHint('div', a!, '', null, null)).toEqual(readHint('div', b!, '', null, null));
    }
    // A slug-like id of four parts is skipped whatever its digits; three parts are read.
    expect(readHint('div', '', 'sharing-with-7-developers', null, null).label).toBeNull();
    expect(readHint('div', '', 'share-7-box', null, null)).toMatchObject({ label: 'share' });
  });
});
