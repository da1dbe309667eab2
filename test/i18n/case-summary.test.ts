import { getStep } from '../../src/diagnosis/knowledge/steps';
import { newCase, summarizeFindings, takeCase, resolveCase } from '../../src/escalation/case';
import { STRINGS } from '../../src/i18n';
import { caseSummaryText } from '../../src/i18n/case-summary';
import { summaryCaseInput as input } from '../fixtures/case-samples';

const created = newCase(input, 1042, 's', new Date('2025-03-01T09:05:00Z'));

describe('caseSummaryText', () => {
  it('writes English labels with codes as MIM shows them', () => {
    const text = caseSummaryText(created, 'en');
    expect(text.split('\n')).toEqual([
      'Case MSD-1042 (open)',
      'Requester: Alice Admin',
      'Opened: 2025-03-01 09:05 UTC',
      'Impact: All runs are blocked',
      'Description: Eksporten til AD stopper',
      'Recognised:',
      '  Run status: stopped-extension-dll-exception',
      '  Event IDs: 6801',
      '  MIM build: 4.6.607.0',
      '  Connector builds: 1.1.2166.0',
      'Steps shown:',
      `  1. ${getStep('extension-dll-exception').title.en} (extension-dll-exception): still failing`,
      'What the user wrote:',
      '  > kørslen stopper',
      '  > adgangskode: [REDACTED]',
    ]);
  });

  it("writes Danish labels by default for a Danish user's case, with who took and closed it", () => {
    const now = new Date('2025-03-02T10:00:00Z');
    const taken = takeCase(created, { id: 'b', name: 'Bo Support' }, now).case;
    const resolved = resolveCase(taken, { id: 'b', name: 'Bo Support' }, 'Ny DLL udrullet', now).case;
    const text = caseSummaryText(resolved);
    expect(text).toContain('Sag MSD-1042 (løst)');
    expect(text).toContain('Omfang: Alle kørsler er blokeret');
    expect(text).toContain('  Kørselsstatus: stopped-extension-dll-exception');
    expect(text).toContain(': fejler stadig');
    expect(text).toContain('Taget af: Bo Support (2025-03-02 10:00 UTC)');
    expect(text).toContain('Løsning: Ny DLL udrullet');
    expect(text).not.toContain('Sommer2024');
  });

  it('says when nothing was recognised', () => {
    const bare = newCase(
      {
        ...input,
        findings: summarizeFindings(
          { findings: [], mimBuild: null, connector: null, statusCode: null },
          null,
        ),
        steps: [],
      },
      1,
      's',
      new Date(),
    );
    expect(caseSummaryText(bare, 'en')).toContain('Recognised: nothing recognised');
  });

  it('has every label in both languages', () => {
    const labels = (lang: 'en' | 'da') =>
      Object.keys(STRINGS[lang])
        .filter((key) => key.startsWith('caseText.'))
        .sort();
    expect(labels('en')).toHaveLength(29);
    expect(labels('da')).toEqual(labels('en'));
  });
});
