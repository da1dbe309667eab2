import { looksLikeHtml, toPlainText } from '../../src/diagnosis/plain-text';

describe('toPlainText', () => {
  it.each([
    [
      'keeps a plain message as it is',
      'run says stopped-server on the FIM MA',
      'run says stopped-server on the FIM MA',
    ],
    [
      'turns paragraphs and line breaks into lines',
      '<p>first line</p><p>second<br>third</p>',
      'first line\nsecond\nthird',
    ],
    [
      'decodes entities and non-breaking spaces',
      'a&nbsp;&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; &#x2014;',
      'a <b> & "c" \'d\' —',
    ],
    [
      'strips a code block but keeps its text',
      '<pre><code>stopped-extension-dll-exception\n   at Foo.Bar()</code></pre>',
      'stopped-extension-dll-exception\nat Foo.Bar()',
    ],
    [
      'keeps the names of other mentions',
      'ask <at>Jens Hansen</at> about <b>6025</b>',
      'ask Jens Hansen about 6025',
    ],
    ['replaces control characters with spaces', 'bad\u0000input\u0007here', 'bad input here'],
    [
      'decodes Danish letters written as entities',
      'hænger i timevis: &aelig;&oslash;&aring;',
      'hænger i timevis: æøå',
    ],
  ])('%s', (_name, input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it('does not treat a comparison in plain text as HTML', () => {
    expect(looksLikeHtml('objects < 5000 and > 10')).toBe(false);
    expect(toPlainText('objects < 5000 and > 10')).toBe('objects < 5000 and > 10');
  });

  it('handles a huge unclosed tag quickly', () => {
    const evil = `<p ${'a'.repeat(200_000)}`;
    const started = process.hrtime.bigint();
    toPlainText(evil);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Guards against catastrophic backtracking: linear work on 200 KB stays far below a second.
    expect(ms).toBeLessThan(1000);
  });
});

describe('pastes that only look like markup', () => {
  it('leaves "<p" with no ">" anywhere as it was', () => {
    expect(toPlainText('<p'.repeat(5000))).toBe('<p'.repeat(5000));
  });

  it('still finds the real tag after thousands of "<p"', () => {
    const text = toPlainText(`${'<p'.repeat(3000)}<b>stopped-server</b> on the ADMA`);
    expect(text.startsWith('<p<p')).toBe(true);
    expect(text.endsWith('stopped-server on the ADMA')).toBe(true);
  });

  it('keeps a tag cut off at the end as text', () => {
    expect(toPlainText('<p>ADMA stopped-server</p><div class="x')).toBe('ADMA stopped-server\n<div class="x');
  });
});
