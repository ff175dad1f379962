import { Marked, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';
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

export interface RenderLessonOptions {
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

/**
 * Render a lesson body to HTML. Lesson files are ours, but raw HTML is still escaped rather than
 * passed through: a stray `<details>` or `<script>` in Markdown should show up as text, not change
 * the page. Headings get the same ids as `collectHeadings` gives them.
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
      html({ text }) {
        return escapeHtml(text);
      },
      heading({ tokens, depth, text }) {
        const id = slug(plainText(tokens, text).trim());
        return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      code({ text, lang }) {
        const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
        const label = languageLabels[language];
        const langAttr = language === '' ? '' : ` class="language-${escapeHtml(language)}"`;
        const caption = label == null ? '' : `<div class="code-label" aria-hidden="true">${label}</div>`;
        // tabindex: a scrollable <pre> must be reachable by keyboard to be scrolled.
        return (
          `<div class="code-block">${caption}` +
          `<pre tabindex="0"${label == null ? '' : ` aria-label="${label} code"`}><code${langAttr}>${escapeHtml(text.replace(/\n$/, ''))}</code></pre></div>\n`
        );
      },
    },
  });
  return marked.parse(markdown, { async: false });
}
