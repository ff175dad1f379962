import { Marked, type RendererObject, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { safeImageSrc, safeLinkHref, urlScheme } from './markdown-safety';
import { createSlugger } from './slug';

export interface MarkdownHeading {
  depth: number;
  /** Plain text of the heading (inline Markdown removed). */
  text: string;
  id: string;
}

/** Shared by parsing and rendering so both see the same tokens. */
const lexerOptions = { gfm: true } as const;

function plainText(tokens: readonly Token[] | undefined, fallback: string): string {
  if (tokens == null) return fallback;
  return tokens
    .map((token) => {
      if ('tokens' in token && Array.isArray(token.tokens)) return plainText(token.tokens, '');
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
    })
    .join('');
}

/**
 * `::try <example-id>` on a line of its own: a "Try it" link that opens the playground with one of
 * the material's examples (content/examples/<id>). The id must be listed in the lesson's
 * front matter `examples`, which parseLesson checks.
 */
const TRY_IT = /^::try[ \t]+([a-z0-9][a-z0-9-]*)[ \t]*(?:\n|$)/;

interface TryItToken {
  type: 'tryIt';
  raw: string;
  id: string;
}

function tryItExtension(render: (id: string) => string): TokenizerAndRendererExtension {
  return {
    name: 'tryIt',
    level: 'block',
    start: (src) => /^::try[ \t]/m.exec(src)?.index,
    tokenizer(src) {
      const match = TRY_IT.exec(src);
      return match ? ({ type: 'tryIt', raw: match[0], id: match[1] as string } satisfies TryItToken) : undefined;
    },
    renderer: (token) => render((token as unknown as TryItToken).id),
  };
}

/** The example ids of a lesson body's `::try` lines, in order. */
export function collectTryIts(markdown: string): string[] {
  const ids: string[] = [];
  const marked = new Marked({ ...lexerOptions, extensions: [tryItExtension(() => '')] });
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'tryIt') ids.push((token as unknown as TryItToken).id);
  });
  return ids;
}

export interface SafeMarkdownOptions {
  /** Let images load from http(s) hosts. Default false: only images inside the course. */
  allowRemoteImages?: boolean;
}

export interface RenderLessonOptions extends SafeMarkdownOptions {
  /** Example titles by id, for the "Try it" links' text. */
  exampleTitles?: ReadonlyMap<string, string>;
  /** Where a "Try it" link goes. Default `/playground/?example=<id>`. */
  tryItHref?(id: string): string;
}

/** Every heading in document order, with the id the rendered page gives it. */
export function collectHeadings(markdown: string): MarkdownHeading[] {
  const marked = new Marked(lexerOptions);
  const slug = createSlugger();
  const headings: MarkdownHeading[] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type !== 'heading') return;
    const heading = token as Tokens.Heading;
    const text = plainText(heading.tokens, heading.text).trim();
    headings.push({ depth: heading.depth, text, id: slug(text) });
  });
  return headings;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

const languageLabels: Record<string, string> = {
  bash: 'Shell',
  sh: 'Shell',
  shell: 'Shell',
  console: 'Shell',
  dockerfile: 'Dockerfile',
  json: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
};

function titleAttr(title: string | null | undefined): string {
  return title == null || title === '' ? '' : ` title="${escapeHtml(title)}"`;
}

/**
 * The renderers that make Markdown from a content pack safe to put in the page: raw HTML (block
 * and inline) is escaped, so the only tags and attributes are the ones written here, with escaped
 * values; links and images pass the URL policy of markdown-safety.ts or are reduced to their text.
 */
function safeRenderers(options: SafeMarkdownOptions): RendererObject {
  return {
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const safe = safeLinkHref(href);
      if (safe == null) return inner;
      const external = urlScheme(safe) === 'http' || urlScheme(safe) === 'https' || safe.startsWith('//');
      const rel = external ? ' rel="noopener noreferrer nofollow"' : '';
      return `<a href="${escapeHtml(safe)}"${titleAttr(title)}${rel}>${inner}</a>`;
    },
    image({ href, title, text }) {
      const safe = safeImageSrc(href, options.allowRemoteImages === true);
      if (safe == null) return text === '' ? '' : `<span class="image-dropped">${escapeHtml(text)}</span>`;
      return `<img src="${escapeHtml(safe)}" alt="${escapeHtml(text)}"${titleAttr(title)} loading="lazy">`;
    },
  };
}

function codeBlock(text: string, lang: string | undefined): string {
  const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const label = languageLabels[language];
  const langAttr = language === '' ? '' : ` class="language-${escapeHtml(language)}"`;
  const caption = label == null ? '' : `<div class="code-label" aria-hidden="true">${label}</div>`;
  // tabindex: a scrollable <pre> must be reachable by keyboard to be scrolled.
  return (
    `<div class="code-block">${caption}` +
    `<pre tabindex="0"${label == null ? '' : ` aria-label="${label} code"`}><code${langAttr}>${escapeHtml(text.replace(/\n$/, ''))}</code></pre></div>\n`
  );
}

/**
 * Render a lesson body to HTML. Lessons may come from an untrusted content pack: raw HTML is escaped
 * rather than passed through (a stray `<details>` or `<script>` shows up as text), and links and
 * images follow the URL policy of markdown-safety.ts. Headings get the same ids as `collectHeadings` gives them.
 */
export function renderLessonHtml(markdown: string, options: RenderLessonOptions = {}): string {
  const slug = createSlugger();
  const href = options.tryItHref ?? ((id: string) => `/playground/?example=${encodeURIComponent(id)}`);
  const tryIt = (id: string) => {
    const title = options.exampleTitles?.get(id) ?? id;
    return `<p class="try-it"><a class="button try-it__link" href="${escapeHtml(href(id))}">Try it: ${escapeHtml(title)}</a></p>\n`;
  };
  const marked = new Marked({
    ...lexerOptions,
    extensions: [tryItExtension(tryIt)],
    renderer: {
      ...safeRenderers(options),
      heading({ tokens, depth, text }) {
        const id = slug(plainText(tokens, text).trim());
        return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      code({ text, lang }) {
        return codeBlock(text, lang);
      },
    },
  });
  return marked.parse(markdown, { async: false });
}

export interface RenderExerciseOptions extends SafeMarkdownOptions {
  /** Render one line of inline Markdown without a wrapping `<p>` (choice options, titles). */
  inline?: boolean;
}

/**
 * Render an exercise's Markdown (prompt, explanation, hints, feedback, option text) with the same
 * safety as lessons. Headings get no ids, so they cannot clash with the lesson's.
 */
export function renderExerciseMarkdown(markdown: string, options: RenderExerciseOptions = {}): string {
  const marked = new Marked({
    ...lexerOptions,
    renderer: {
      ...safeRenderers(options),
      heading({ tokens, depth }) {
        return `<h${depth}>${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      code({ text, lang }) {
        return codeBlock(text, lang);
      },
    },
  });
  return options.inline === true ? marked.parseInline(markdown, { async: false }) : marked.parse(markdown, { async: false });
}
