import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToPlain } from './html';

describe('htmlToPlain', () => {
  it('keeps the words, ends blocks with line breaks and lists with "- "', () => {
    expect(htmlToPlain('<h2>Layers</h2><p>A <b>layer</b> is\n   a change set.</p><p>Second<br>line</p><ul><li>one</li><li>two</li></ul>')).toBe(
      'Layers\n\nA layer is a change set.\n\nSecond\nline\n\n- one\n- two',
    );
  });

  it('drops scripts, styles and comments with their content, and every tag even with ">" in an attribute', () => {
    const text = htmlToPlain('<script>alert(1)</script><style>p{}</style><!-- secret --><a href="javascript:x()" title="a>b" onclick="y()">docs</a><img src=x onerror=alert(2)>');
    expect(text).toBe('docs');
  });

  it('decodes numeric and named entities and leaves unknown names alone', () => {
    expect(decodeEntities('&lt;none&gt; &amp; &#65;&#x42; &eacute;&nbsp;&hellip; &notanentity; &#0;')).toBe('<none> & AB é\u00a0… &notanentity; \ufffd');
  });

  it('does not turn decoded text back into markup', () => {
    expect(htmlToPlain('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });
});
