import * as assert from 'node:assert/strict';
import { createMessageRenderer, type MentionLookup } from '../../../../src/webviews/conversation/page/markdown';

const mentions: MentionLookup = {
  name: (kind, value) => (kind === 'personEmail' && value === 'ada@example.com' ? 'Ada Lovelace' : undefined),
  isMe: (kind, value) => kind === 'personEmail' && value === 'ada@example.com',
};

describe('message rendering rules (markdown-it config)', () => {
  const render = createMessageRenderer();

  it('renders the markdown Webex users write: bold, lists, quotes, inline code', () => {
    const html = render.markdown('**bold** and `code`\n\n- one\n- two\n\n> quoted');
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<code>code<\/code>/);
    assert.match(html, /<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    assert.match(html, /<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  });

  it('decodes named character references strictly, and a decoded < stays text', () => {
    // The page's bundle answers markdown-it with the browser's table (page/htmlEntities.ts); the
    // UI tests' hostile space checks the same line there.
    assert.equal(render.markdown('&copy; &notin; &amp;lt;b&amp;gt; &lt;i&gt; &ampx; &notit; &semi; &nosuch; &#x26;').trim(), '<p>© ∉ &amp;lt;b&amp;gt; &lt;i&gt; &amp;ampx; &amp;notit; ; &amp;nosuch; &amp;</p>');
  });

  it('keeps single line breaks, as Webex does', () => {
    assert.match(render.markdown('one\ntwo'), /one<br>\s*two/);
  });

  it('never passes raw HTML through: tags come out as text', () => {
    const html = render.markdown('<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="http://x"></iframe>');
    assert.doesNotMatch(html, /<script|<img|<iframe/i);
    assert.match(html, /&lt;script&gt;/);
  });

  it('drops javascript:, data: and vbscript: links but keeps http, https and mailto', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', '  javascript:alert(1)']) {
      const html = render.markdown(`[click](${bad})`);
      assert.doesNotMatch(html, /<a /, `link to ${bad} must not be rendered`);
    }
    assert.match(render.markdown('[site](https://example.com/a)'), /<a href="https:\/\/example\.com\/a" title="https:\/\/example\.com\/a">site<\/a>/);
    assert.match(render.markdown('[mail](mailto:ada@example.com)'), /<a href="mailto:ada@example.com"/);
    assert.match(render.markdown('see http://example.com/x'), /<a href="http:\/\/example\.com\/x"/);
  });

  it('does not render images (nothing the sender chooses is loaded)', () => {
    const html = render.markdown('![pixel](http://127.0.0.1:1/_sandbox/canary/img)');
    assert.doesNotMatch(html, /<img/);
  });

  it('labels fenced code with its language, escaped, and classes it only for known languages', () => {
    const html = render.markdown('```ts\nconst a = 1 < 2;\n```');
    assert.match(html, /<div class="code-block"><div class="code-lang">TypeScript<\/div><pre><code class="language-typescript">const a = 1 &lt; 2;\n<\/code><\/pre><\/div>/);
    const hostile = render.markdown('```"><script>x</script>\ncode\n```');
    assert.doesNotMatch(hostile, /<script/);
    assert.match(hostile, /<div class="code-lang">&quot;&gt;&lt;script&gt;x&lt;\/script&gt;<\/div><pre><code>code/);
    assert.match(render.markdown('```\nplain\n```'), /<div class="code-block"><pre><code>plain/);
    // A misspelled name is shown as written and stays plain (no class, so no highlighting).
    assert.match(render.markdown('```typscript\nx\n```'), /<div class="code-lang">typscript<\/div><pre><code>x/);
    const long = render.markdown('```' + 'a'.repeat(10_000) + '\nx\n```');
    assert.match(long, new RegExp(`<div class="code-lang">${'a'.repeat(32)}…</div><pre><code>x`));
  });

  it('keeps nested and unbalanced fences as text of the outer block', () => {
    const nested = render.markdown('````md\n```js\nalert(1)\n```\n````');
    assert.match(nested, /<code class="language-markdown">```js\nalert\(1\)\n```\n<\/code>/);
    const open = render.markdown('```py\nprint(1)\n\nno end');
    assert.match(open, /<code class="language-python">print\(1\)\n\nno end\n?<\/code><\/pre><\/div>/);
  });

  it('highlights mentions, the signed-in person stronger, and escapes their labels', () => {
    const html = render.markdown('hi <@personEmail:ada@example.com> and <@personId:Y2lz|Bob <b>> and <@all>', mentions);
    assert.match(html, /<span class="mention mention-me">Ada Lovelace<\/span>/);
    assert.match(html, /<span class="mention">Bob &lt;b<\/span>/);
    assert.match(html, /<span class="mention mention-all">All<\/span>/);
  });

  it('renders plain text escaped, with line breaks and links but no markdown', () => {
    const html = render.text('**not bold** <b>x</b>\nhttps://example.com');
    assert.match(html, /\*\*not bold\*\* &lt;b&gt;x&lt;\/b&gt;<br>/);
    assert.match(html, /<a href="https:\/\/example\.com">/);
    assert.doesNotMatch(render.text('javascript:alert(1)'), /<a /);
  });
});
