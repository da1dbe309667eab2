import * as fs from 'node:fs';
import { MODEL_PATH, TRAINING_FILES, modelJson } from '../../scripts/train-word-model';
import { features, loadWordModel, trainWordModel, type WordModelData } from '../../src/diagnosis/word-model';

describe('word model', () => {
  it('is the model the labelled messages train today (run npm run train after changing them)', () => {
    expect(fs.readFileSync(MODEL_PATH, 'utf8')).toBe(modelJson());
  });

  it('never trains on a blind holdout or on messages that share its sources', () => {
    expect(TRAINING_FILES.filter((f) => /(^|\/)blind\/|shared-source|holdout3|holdout-real/.test(f))).toEqual(
      [],
    );
  });

  it('reads æ, ø, å and their ae, oe, aa spellings as the same word', () => {
    expect(features('hænger')).toEqual(expect.arrayContaining(['haenger']));
    expect(features('haenger')).toEqual(expect.arrayContaining(['haenger']));
  });

  it('leaves numbers out and adds stems and word pairs', () => {
    expect(features('sync takes 11 hours')).toEqual(
      expect.arrayContaining(['sync', 'takes', 'hours', 'sync_takes', 'takes_hours']),
    );
    expect(features('sync takes 11 hours')).not.toContain('11');
    expect(features('synchronisation')).toContain('~synch');
  });

  it('learns which words go with which route', () => {
    const items = [
      ...Array.from({ length: 5 }, () => ({
        text: 'kerberos ticket for the sync box',
        expect: 'pcns-6025' as const,
      })),
      ...Array.from({ length: 5 }, () => ({
        text: 'tempdb grows all night',
        expect: 'fim-ma-slow-full-sync' as const,
      })),
    ];
    const model = loadWordModel(trainWordModel(items));
    const p = model.posterior('the DCs cannot get a kerberos ticket');
    expect(p.get('pcns-6025')).toBeGreaterThan(0.9);
    expect([...p.values()].reduce((s, n) => s + n, 0)).toBeCloseTo(1, 6);
  });

  it('falls back to the label priors for words it has never seen', () => {
    const data: WordModelData = trainWordModel([
      { text: 'alpha beta', expect: 'update-mim' },
      { text: 'alpha beta', expect: 'update-mim' },
      { text: 'gamma delta', expect: 'out-of-scope' },
      { text: 'gamma delta', expect: 'out-of-scope' },
    ]);
    const p = loadWordModel(data).posterior('zeta eta theta');
    expect(p.get('update-mim')).toBeCloseTo(p.get('out-of-scope') ?? 0, 6);
  });
});
