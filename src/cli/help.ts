import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_SECONDS } from './args.js';

/** The `--help` text. Kept beside the flags' defaults so the two cannot drift apart. */
export function helpText(version: string): string {
  return `newsprint ${version}: the main article of a news page, from HTML or plain text.

Usage:
  newsprint [options] <file | directory | URL | ->...
  newsprint --jsonl [options] < records.jsonl > results.jsonl
  newsprint --warc [options] <crawl.warc[.gz] | ->

Inputs:
  file            a page: .html, .htm, .txt (also gzipped: .html.gz)
  directory       every such page below it, recursively, in name order
  URL             http(s) address, downloaded (redirects followed, at most 5)
  -               the page on standard input

Output:
  -f, --format <json|md|text|html>   what to print per page (default: json)
  -e, --explain        every block of the page with its label and reason, for a terminal
  One input prints the article; several inputs, a directory or a WARC print JSON Lines
  ({"path"|"url", "article"} or {"path"|"url", "error": {"code", "message"}}) for json,
  and "==> name <==" sections for the other formats.

Modes:
  --jsonl              stream mapper: one JSON record per stdin line
                       ({"html"} | {"text"} | {"path"}, optional "url", "id", "encoding"),
                       one result line per input line, in order; bad lines give error lines
  --warc               read WARC / WARC.gz (also chosen by the .warc/.warc.gz extension):
                       one result per HTML response record, with its WARC-Target-URI
  -j, --jobs <n>       pages extracted in parallel on worker threads (default: 1)

Page options:
  --url <url>          base URL of the single input (resolves relative links)
  --text | --html      force the plain-text or the HTML path (default: by file name, then content)
  --encoding <label>   charset for bytes that are neither UTF-8 nor declared (e.g. windows-1252)
  --no-fallback        never ask Readability.js for a second opinion (faster)
  --readability-dom <linkedom|builtin>
                       the DOM Readability.js runs on when asked (default: linkedom; builtin is faster)
  --max-bytes <n>      refuse inputs, downloads and JSONL lines larger than this (default: ${DEFAULT_MAX_BYTES})
  --timeout <s>        seconds per URL, redirects and body included (default: ${DEFAULT_TIMEOUT_SECONDS})
  --page-timeout <s>   give up on a page whose extraction takes longer (runs on a worker thread;
                       default: no limit)
  --user-agent <s>     User-Agent header for URLs (default: newsprint/${version})

  -h, --help           this text
  -V, --version        the version

Exit codes:
  0  every input gave an article (--jsonl: the stream was read to its end; errors are lines)
  1  some inputs failed (the others were printed)
  2  usage error
  3  no input: nothing named, or the directories hold no pages
  4  the run broke: a worker died, a WARC is unreadable

Examples:
  newsprint article.html                         article as JSON
  newsprint -f md https://example.com/news/1     download, print Markdown
  curl -s https://example.com/a | newsprint --url https://example.com/a -f text -
  newsprint --explain page.html | less -R        why each block was kept or dropped
  newsprint -j 4 pages/ > articles.jsonl         a directory, 4 threads, one line per page
  newsprint --warc crawl.warc.gz > articles.jsonl
  newsprint --jsonl -j 2 < records.jsonl > results.jsonl
`;
}
