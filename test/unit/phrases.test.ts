/** Short boilerplate lines in several languages are labelled, while sentences that start alike stay body. */
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/index.js';

const prose = (n: number): string =>
  `<p>The regional council approved ${n} new cycle lanes on Tuesday, and the first of them should open before the summer holidays begin.</p>`;

function labelOf(line: string): { kept: boolean; label: string } {
  const html = `<html><body><article><h1>Cycle lanes approved</h1>${prose(1)}${prose(2)}<p>${line}</p>${prose(3)}${prose(4)}</article></body></html>`;
  const block = segment(html).blocks.find((b) => b.text === line);
  if (block === undefined) throw new Error(`no block for ${line}`);
  return { kept: block.kept, label: block.label };
}

describe('boilerplate phrases', () => {
  it.each([
    ['Foto: Jane Doe', 'caption'],
    ['Crédits photos : Agence Exemple', 'caption'],
    ['(Foto: Agentur)', 'caption'],
    ['Quellen ausblenden', 'navigation'],
    ['Externer Inhalt', 'navigation'],
    ['Quelle: Landesamt für Statistik', 'caption'],
    ['- Anzeige -', 'ad'],
    ['Reklama', 'ad'],
    ['4 Min Read', 'metadata'],
    ['Tagged: cycling, council', 'metadata'],
    ['Letzte Änderung 14.02.2019', 'metadata'],
    ['War der Artikel nützlich?', 'promo'],
    ['Was this article helpful?', 'promo'],
    ['En savoir plus', 'promo'],
    ['Weitere Informationen:', 'related'],
    ['Schon gelesen?', 'related'],
    ['Czytaj także:', 'related'],
    ['Související články', 'related'],
    ['Never miss the latest news by signing up to our free morning briefing.', 'newsletter'],
    ['Follow The Gazette on Twitter and Instagram @ValleyGazette for updates.', 'newsletter'],
    ['Dieser Beitrag gibt die Meinung der Autorin wieder, nicht notwendigerweise die der Redaktion.', 'legal'],
    ['This post contains affiliate links, and we may earn a small commission.', 'legal'],
    ['Deprecated: preg_replace(): The /e modifier is deprecated, use preg_replace_callback instead in /www/htdocs/site/wp-includes/formatting.php on line 82', 'metadata'],
  ])('drops "%s" as %s', (line, label) => {
    expect(labelOf(line)).toEqual({ kept: false, label });
  });

  it.each([
    'Photographers lined the route as the first riders set off from the town hall.',
    'Published figures show that cycling to work has doubled in the last five years.',
    'Officials said they would follow the guidance on Twitter use that the regional council issued last year.',
    'Weitere Radwege sollen folgen, sobald der Gemeinderat im Herbst über den Haushalt entschieden hat.',
  ])('keeps the sentence "%s"', (line) => {
    expect(labelOf(line).kept).toBe(true);
  });
});
