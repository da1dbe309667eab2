import { codeDocs } from '../../src/diagnosis/code-docs';
import { diagnose } from '../../src/diagnosis/diagnose';
import { getStep } from '../../src/diagnosis/knowledge';

function docsFor(text: string): string[] {
  const { recognition, decision } = diagnose(text);
  return codeDocs(recognition.findings, decision.route).map((d) => d.url);
}

describe('pages for the recognised code, beside the step’s own', () => {
  it('sends a run status to the run-status list, which maerrorcodes lacks', () => {
    expect(docsFor('ADMA delta import ends in stopped-connectivity every night')).toEqual([
      expect.stringContaining('ms699322'),
    ]);
  });

  it('gives an event its own troubleshooting page', () => {
    expect(docsFor('export flow fails with event 6301 and 0x80230304 on the HR MA')[0]).toContain(
      '4965.mim-synchronization-troubleshooting-event-id-6301',
    );
  });

  it('adds the general PCNS page for PCNS events that are not 6025', () => {
    expect(docsFor('PCNS logs event 6032 on every DC: the filter configuration is invalid')).toEqual([
      expect.stringContaining('1597.troubleshooting-pcns'),
    ]);
  });

  it('repeats no page the step already shows, and adds nothing for a plain object error', () => {
    const step = getStep('run-error-codes');
    expect(docsFor('export errors: cd-missing-object on 40 users')).not.toContain(step.docUrl);
    expect(docsFor('export errors: cd-missing-object on 40 users')).toEqual([]);
  });
});
