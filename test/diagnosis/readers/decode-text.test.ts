import { decodeText } from '../../../src/diagnosis/readers/decode-text';

const TEXT = '<run-history><ma-name>Ærø-MA ✓</ma-name></run-history>';

describe('decodeText', () => {
  const le = Buffer.from(TEXT, 'utf16le');
  const be = Buffer.from(le).swap16();

  it.each([
    ['UTF-8 without BOM', Buffer.from(TEXT), 'utf-8', false, 'default'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      'utf-8',
      true,
      'bom',
    ],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le', true, 'bom'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be', true, 'bom'],
    ['UTF-16LE by its zero bytes', le, 'utf-16le', false, 'zero-bytes'],
    ['UTF-16BE by its zero bytes', be, 'utf-16be', false, 'zero-bytes'],
    ['a Uint8Array', new Uint8Array(le), 'utf-16le', false, 'zero-bytes'],
  ] as const)('%s', (_name, input, encoding, bom, detectedBy) => {
    expect(decodeText(input)).toEqual({ text: TEXT, encoding, bom, detectedBy, invalid: false });
  });

  it('a string is taken as it is, without its BOM', () => {
    expect(decodeText(`\uFEFF${TEXT}`)).toEqual({
      text: TEXT,
      encoding: 'string',
      bom: true,
      detectedBy: 'string',
      invalid: false,
    });
  });

  it('recovers UTF-16 that a script read as Latin-1 ("<\\0r\\0u\\0n...")', () => {
    const mangled = Buffer.from('<run-history/>', 'utf16le').toString('latin1');
    expect(decodeText(mangled)).toMatchObject({ text: '<run-history/>', encoding: 'utf-16le' });
  });

  it('invalid UTF-16 is replaced, flagged and never thrown: lone surrogate, odd length', () => {
    const broken = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('ab', 'utf16le'),
      Buffer.from([0x00, 0xdc]),
      Buffer.from([0x63]),
    ]);
    const d = decodeText(broken);
    expect(d).toMatchObject({ encoding: 'utf-16le', invalid: true });
    expect(d.text).toBe('ab\uFFFD');
  });

  it('invalid UTF-8 is replaced and flagged', () => {
    const d = decodeText(Buffer.from([0x3c, 0x61, 0xff, 0xfe, 0xfd, 0x3e, 0x41, 0x41, 0x41, 0x41]));
    expect(d.encoding).toBe('utf-8');
    expect(d.invalid).toBe(true);
    expect(d.text).toContain('\uFFFD');
  });

  it('empty input', () => {
    expect(decodeText(Buffer.alloc(0))).toMatchObject({ text: '', encoding: 'utf-8', invalid: false });
  });
});
