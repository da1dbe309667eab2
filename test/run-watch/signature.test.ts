import { createHmac } from 'node:crypto';
import { isFresh, parseTimestamp, signatureMatches, signRunBody } from '../../src/run-watch/signature';
import { signedRequestFixture } from '../helpers/signed-request';

describe('run-watch request signature', () => {
  const secret = 's3cret-for-tests';
  const body = Buffer.from(
    '<run-history><run-details><ma-name>Ådm ø</ma-name></run-details></run-history>',
    'utf8',
  );

  it('is sha256= and the lower-case hex HMAC over "<timestamp>.<body bytes>"', () => {
    const expected = createHmac('sha256', secret)
      .update(Buffer.concat([Buffer.from('1700000000.'), body]))
      .digest('hex');
    expect(signRunBody(secret, 1700000000, body)).toBe(`sha256=${expected}`);
    expect(signRunBody(secret, '1700000000', body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('gives the signature an independent HMAC implementation gave for a run history with "ø" in a DN', () => {
    const f = signedRequestFixture();
    expect(f.body.toString('utf8')).toContain('CN=Søren Ærø');
    expect(signRunBody(f.secret, f.timestamp, f.body)).toBe(f.signature);
    expect(signatureMatches(f.secret, f.timestamp, f.body, f.signature)).toBe(true);
  });

  it('signs the bytes, so a body re-encoded as Latin-1 no longer matches', () => {
    const signature = signRunBody(secret, 1, body);
    const latin1 = Buffer.from(body.toString('utf8'), 'latin1');
    expect(signatureMatches(secret, 1, body, signature)).toBe(true);
    expect(signatureMatches(secret, 1, latin1, signature)).toBe(false);
  });

  it('refuses another secret, another timestamp, upper-case hex, a missing or truncated header', () => {
    const signature = signRunBody(secret, 5, body);
    expect(signatureMatches('other', 5, body, signature)).toBe(false);
    expect(signatureMatches(secret, 6, body, signature)).toBe(false);
    expect(signatureMatches(secret, 5, body, signature.toUpperCase())).toBe(false);
    expect(signatureMatches(secret, 5, body, undefined)).toBe(false);
    expect(signatureMatches(secret, 5, body, signature.slice(0, -2))).toBe(false);
  });

  it('reads timestamps as whole unix seconds only', () => {
    expect(parseTimestamp('1700000000')).toBe(1700000000);
    for (const bad of [undefined, '', '-5', '1.5', ' 17', '1e9', '0x10'])
      expect(parseTimestamp(bad)).toBeUndefined();
  });

  it('accepts a timestamp within five minutes of the clock, either way', () => {
    const now = 1_700_000_000_000;
    expect(isFresh(1_700_000_000 - 300, now)).toBe(true);
    expect(isFresh(1_700_000_000 + 300, now)).toBe(true);
    expect(isFresh(1_700_000_000 - 301, now)).toBe(false);
    expect(isFresh(1_700_000_000 + 301, now)).toBe(false);
  });
});
