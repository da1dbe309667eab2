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

  it('scores a message as the sum of the features it is made of, each counted once', () => {
    const data = trainWordModel([
      { text: 'the kerberos ticket for the sync box expired', expect: 'pcns-6025' },
      { text: 'kerberos ticket refused on the sync box', expect: 'pcns-6025' },
      { text: 'tempdb grows all night, synchronization slow', expect: 'fim-ma-slow-full-sync' },
      { text: 'tempdb grows, the synchronisation takes hours', expect: 'fim-ma-slow-full-sync' },
    ]);
    const text =
      'Kerberos ticket: the sync box refuses the ticket, tempdb grows 40 GB, synchronisation hangs';
    // The model's formula, applied feature by feature to what training would extract.
    const vocab = Object.keys(data.counts).length;
    const total = data.docs.reduce((s, n) => s + n, 0);
    const logs = data.labels.map((_, l) => {
      let score = Math.log((data.docs[l] + 1) / (total + data.labels.length));
      for (const f of features(text)) {
        const row = data.counts[f];
        if (row) score += Math.log((row[l] + 0.5) / (data.totals[l] + 0.5 * vocab));
      }
      return score;
    });
    const max = Math.max(...logs);
    const sum = logs.reduce((s, x) => s + Math.exp(x - max), 0);
    const p = loadWordModel(data).posterior(text);
    data.labels.forEach((label, l) => expect(p.get(label)).toBeCloseTo(Math.exp(logs[l] - max) / sum, 10));

    const model = loadWordModel(data);
    expect(model.posterior('kerberos kerberos kerberos ticket')).toEqual(model.posterior('kerberos ticket'));
  });
});
