/** The worst 100 KB pastes for the input stage (HTML stripping, entities), shared by the paste benches. */
export const PASTE_SIZE = 100_000;

export const PASTE_SHAPES: Record<string, string> = {
  '"<p" repeated, no ">"': '<p'.repeat(PASTE_SIZE / 2),
  '"<p" repeated, one ">" at the end': `${'<p'.repeat(PASTE_SIZE / 2 - 1)}>`,
  '"<b " repeated': '<b '.repeat(PASTE_SIZE / 3),
  'real tags': '<p>ADMA <b>stopped-server</b></p>'.repeat(PASTE_SIZE / 34),
  entities: '&amp;&#x41;&nbsp;'.repeat(PASTE_SIZE / 17),
  'plain text': 'stopped-connectivity on the ADMA '.repeat(PASTE_SIZE / 33),
};
