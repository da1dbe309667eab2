import { shownAsText } from '../../src/lib/shown-as-text';

/** Someone's words in someone else's card: shown as written, never as live Markdown or hidden text. */
describe('text shown as text', () => {
  it.each([
    [
      'a link stays text',
      '[Reset your password](https://evil.example/login)',
      '\\[Reset your password\\]\\(https://evil.example/login\\)',
    ],
    ['emphasis stays text', '**urgent** and _now_', '\\*\\*urgent\\*\\* and \\_now\\_'],
    ['a heading stays text', '# Pay here', '\\# Pay here'],
    ['a list stays text', '- one\n2. two', '\\- one\n2\\. two'],
    ['an @mention tag stays text', '<at>Olga</at>', '\\<at\\>Olga\\</at\\>'],
    ['a right-to-left override is removed', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['isolates are removed', 'a\u2066b\u2069c', 'abc'],
    ['zero-width characters are removed', 'pass\u200Bword\uFEFF', 'password'],
    [
      'Danish letters and codes are untouched',
      'Fejl på ADMA: stopped-server (0x8023042e)',
      'Fejl på ADMA: stopped-server \\(0x8023042e\\)',
    ],
  ])('%s', (_name, input, output) => {
    expect(shownAsText(input)).toBe(output);
  });
});
