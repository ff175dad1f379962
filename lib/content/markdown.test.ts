import { describe, expect, it } from 'vitest';
import { collectHeadings, collectTryIts, renderExerciseMarkdown, renderLessonHtml } from './markdown';

describe('renderLessonHtml', () => {
  it('gives headings the ids collectHeadings reports', () => {
    const md = '## Image layers\n\n### Why layers matter\n\n## Image layers\n\ntext\n';
    const html = renderLessonHtml(md);
    const ids = [...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(collectHeadings(md).map((h) => h.id));
    expect(ids).toEqual(['image-layers', 'why-layers-matter', 'image-layers-1']);
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderLessonHtml('<script>alert(1)</script>\n\nInline <b onclick="x()">bold</b>.\n');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b ');
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders code blocks escaped, labelled and keyboard-scrollable', () => {
    const html = renderLessonHtml('```dockerfile\nFROM alpine\nRUN echo "<hi>" && true\n```\n');
    expect(html).toContain('<div class="code-label" aria-hidden="true">Dockerfile</div>');
    expect(html).toContain('<pre tabindex="0" aria-label="Dockerfile code"><code class="language-dockerfile">');
    expect(html).toContain('RUN echo &quot;&lt;hi&gt;&quot; &amp;&amp; true</code>');
  });

  it('leaves plain-text blocks unlabelled', () => {
    const html = renderLessonHtml('```\na\n```\n');
    expect(html).toContain('<pre tabindex="0"><code>a</code></pre>');
  });

  it('renders "::try <id>" lines as links to the playground with that example', () => {
    const md = '## Layers\n\n::try layer-concept\n\nText ::try not-a-directive\n\n```\n::try in-code\n```\n';
    expect(collectTryIts(md)).toEqual(['layer-concept']);
    const html = renderLessonHtml(md, { exampleTitles: new Map([['layer-concept', 'Layer concept: <myapp>']]) });
    expect(html).toContain('<p class="try-it"><a class="button try-it__link" href="/playground/?example=layer-concept">Try it: Layer concept: &lt;myapp&gt;</a></p>');
    expect(html).toContain('Text ::try not-a-directive');
    expect(html).toContain('::try in-code');
    expect(renderLessonHtml('::try x-1\n', { tryItHref: (id) => `/p/#${id}` })).toContain('href="/p/#x-1">Try it: x-1</a>');
  });
});

/** Every attribute name the HTML contains (raw HTML is escaped, so these are only ours). */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(/<[a-z][a-z0-9]*((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
    for (const attr of (tag[1] ?? '').matchAll(/\s+([^\s=>]+)/g)) names.push((attr[1] ?? '').toLowerCase());
  }
  return names;
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? '');
}

const hostile = [
  '<img src=x onerror=alert(1)>',
  'text <img src="x" onerror="alert(1)"> text',
  '<svg onload=alert(1)></svg>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript&colon;alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](java%0ascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<javascript:alert(1)>',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '[x"onmouseover="alert(1)](https://a.b/"onmouseover="x)',
  '![i](x" onerror="alert(1))',
  '![i](data:image/svg+xml;base64,PHN2Zz4=)',
  '![i](javascript:alert(1))',
];

describe('Markdown from untrusted packs', () => {
  it.each(hostile)('%j renders without script, handlers or dangerous URLs', (md) => {
    for (const html of [renderLessonHtml(`## S\n\n${md}\n`), renderExerciseMarkdown(md), renderExerciseMarkdown(md, { inline: true })]) {
      expect(attributeNames(html).filter((name) => name.startsWith('on'))).toEqual([]);
      expect(html).not.toMatch(/<(script|svg|iframe|object|embed)/i);
      for (const url of hrefs(html)) expect(url).toMatch(/^(https?:|mailto:|#|[^:]*$)/i);
    }
  });

  it('keeps the text of a dropped link and the alt text of a dropped image', () => {
    expect(renderExerciseMarkdown('[click me](JaVaScRiPt:alert(1))')).toBe('<p>click me</p>\n');
    expect(renderExerciseMarkdown('![a diagram](data:image/png;base64,AAAA)')).toBe('<p><span class="image-dropped">a diagram</span></p>\n');
  });

  it('keeps safe links: http(s) with rel, mailto, relative and fragments', () => {
    expect(renderExerciseMarkdown('[Docs](https://docs.docker.com/ "Docker docs")')).toBe(
      '<p><a href="https://docs.docker.com/" title="Docker docs" rel="noopener noreferrer nofollow">Docs</a></p>\n',
    );
    expect(renderExerciseMarkdown('[m](mailto:a@b.c) [r](../3.2/) [f](#image-layers)')).toBe(
      '<p><a href="mailto:a@b.c">m</a> <a href="../3.2/">r</a> <a href="#image-layers">f</a></p>\n',
    );
  });

  it('shows remote images only when allowed; course images always', () => {
    const md = '![local](img/layers.png) ![remote](https://cdn.example/x.png) ![proto](//cdn.example/y.png)';
    expect(renderLessonHtml(md)).toBe(
      '<p><img src="img/layers.png" alt="local" loading="lazy"> <span class="image-dropped">remote</span> <span class="image-dropped">proto</span></p>\n',
    );
    const allowed = renderLessonHtml(md, { allowRemoteImages: true });
    expect(hrefs(allowed)).toEqual(['img/layers.png', 'https://cdn.example/x.png', '//cdn.example/y.png']);
    expect(renderLessonHtml('![d](data:image/png;base64,AAAA)', { allowRemoteImages: true })).not.toContain('<img');
  });

  it('renders exercise Markdown inline or as blocks, headings without ids', () => {
    expect(renderExerciseMarkdown('**A** `docker save`', { inline: true })).toBe('<strong>A</strong> <code>docker save</code>');
    expect(renderExerciseMarkdown('## Why\n\n```dockerfile\nFROM alpine\n```\n')).toBe(
      '<h2>Why</h2>\n<div class="code-block"><div class="code-label" aria-hidden="true">Dockerfile</div><pre tabindex="0" aria-label="Dockerfile code"><code class="language-dockerfile">FROM alpine</code></pre></div>\n',
    );
  });
});
