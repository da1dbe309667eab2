import {
  lineAndColumn,
  nextIslandStart,
  readIsland,
  type IslandHandlers,
} from '../../../src/diagnosis/readers/xml-islands';

const ROOTS = new Set(['export-error', 'run-history']);

function recorder(): IslandHandlers & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    open: (name, attributes) => events.push(`<${name}${attributes['dn'] ? ` dn=${attributes['dn']}` : ''}>`),
    close: (name) => events.push(`</${name}>`),
    text: (t) => {
      if (t.trim() !== '') events.push(t.trim());
    },
  };
}

describe('nextIslandStart', () => {
  it('finds the start tag of a known element, an XML declaration or a DOCTYPE, and nothing else', () => {
    const text = 'a <b>bold</b> <export-errors> <export-error dn="x">';
    expect(nextIslandStart(text, 0, ROOTS)).toBe(text.indexOf('<export-error '));
    expect(nextIslandStart('x <?xml version="1.0"?><a/>', 0, ROOTS)).toBe(2);
    expect(nextIslandStart('x <!DOCTYPE a><a/>', 0, ROOTS)).toBe(2);
    expect(nextIslandStart('x <?xml-stylesheet href="a"?> <run-history/>', 0, ROOTS)).toBe(30);
    expect(nextIslandStart('no xml here < 3', 0, ROOTS)).toBe(-1);
  });
});

describe('readIsland', () => {
  it('reads one element and stops where it closes, leaving the chat after it alone', () => {
    const text =
      'see <export-error dn="CN=A"><error-type>x &amp; y</error-type></export-error> & <export-error dn="CN=B"/>';
    const start = nextIslandStart(text, 0, ROOTS);
    const h = recorder();
    const r = readIsland(text, start, h);
    expect(h.events).toEqual([
      '<export-error dn=CN=A>',
      '<error-type>',
      'x & y',
      '</error-type>',
      '</export-error>',
    ]);
    expect(r).toMatchObject({ start, closed: true, dtdRefused: false, openElements: [], errorCount: 0 });
    expect(text.slice(r.end)).toBe(' & <export-error dn="CN=B"/>');
  });

  it('a cut-off island reports the open elements, not each unclosed tag as an error', () => {
    const h = recorder();
    const r = readIsland('<run-history><export-error dn="CN=A"><error-type>cd-err', 0, h);
    expect(r).toMatchObject({
      closed: false,
      openElements: ['run-history', 'export-error', 'error-type'],
      errorCount: 0,
    });
    expect(h.events).toContain('cd-err');
  });

  it('stops at a DOCTYPE before any entity is declared or used', () => {
    const h = recorder();
    const text =
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<run-history>&b;</run-history>';
    const r = readIsland(text, 0, h);
    expect(r.dtdRefused).toBe(true);
    expect(r.dtdAt).toBe(text.indexOf('<!DOCTYPE'));
    expect(h.events).toEqual([]);
  });
});

describe('readIsland: giving up', () => {
  it('an XML declaration followed by chat is given up at the chat, not read to the end', () => {
    const text = '<?xml version="1.0"?> sorry, wrong paste <export-error dn="CN=A"/>';
    const r = readIsland(text, 0, recorder());
    expect(r).toMatchObject({ closed: false, cut: false, abandoned: true });
    expect(text.slice(r.end)).toBe('<export-error dn="CN=A"/>');
  });

  it('an undefined entity in the root start tag is an error read past, not a reason to give up', () => {
    const h = recorder();
    const r = readIsland('<export-error dn="&a;"><error-type>t</error-type></export-error>', 0, h);
    expect(r).toMatchObject({ closed: true, abandoned: false, errorCount: 1 });
    expect(h.events).toContain('t');
  });
});

describe('lineAndColumn', () => {
  it('is 1-based', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 8)).toEqual({ line: 3, column: 3 });
  });
});
