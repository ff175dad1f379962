import { describe, expect, it } from 'vitest';
import { collectHeadings, collectTryIts, renderLessonHtml } from './markdown';

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
