import { html, join, raw } from '../../src/http/html';

describe('the pages’ html template', () => {
  const hostile = 'Seeprat <script>alert("x")</script> & <img src=x onerror=alert(1)>';

  it('escapes a hostile title wherever it is placed, text or attribute', () => {
    const page = html`<title>${hostile}</title><a href="/plan/${hostile}">${hostile}</a>`.value;
    expect(page).not.toMatch(/<script|<img|"x"/);
    expect(page).toBe(
      '<title>Seeprat &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</title>' +
        '<a href="/plan/Seeprat &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;">' +
        'Seeprat &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</a>',
    );
  });

  it('keeps nested templates and raw markup as markup, and escapes the items of a list', () => {
    const items = [hostile, 'Zebrat'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${raw('<hr>')}`.value).toBe('<ul><li>Seeprat &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</li><li>Zebrat</li></ul><hr>');
    expect(join(['<a>', html`<b>${'c'}</b>`], ' › ').value).toBe('&lt;a&gt; › <b>c</b>');
  });

  it('renders nothing for an absent value', () => {
    expect(html`<p>${undefined}${null}${false}${0}</p>`.value).toBe('<p>0</p>');
  });
});
