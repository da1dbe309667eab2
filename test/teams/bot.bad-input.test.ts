import type { Activity, Attachment } from 'botbuilder';
import { getStep } from '../../src/diagnosis/knowledge/steps';
import { MAX_CARD_BYTES } from '../../src/teams/views/cards';
import { cardSubmit, personalMessage, type ActivityOptions } from '../helpers/activities';
import { useConnectorStub, type RecordedRequest } from '../helpers/connector-stub';
import { postActivity, useEdgeBot } from '../helpers/edge-harness';
import { postedMessages, see } from '../helpers/replies';

/**
 * Whatever arrives at /api/messages, the user gets a polite reply and the bot keeps serving: a 2xx,
 * a message at the connector that is not the apology card, no failed turn in the log, and a normal
 * turn right after. Same composition as src/index.ts, over real HTTP.
 */

const stub = useConnectorStub();
const h = useEdgeBot({}, { storeFromConfig: true });

/** What one turn showed the user: the card heading or the plain text of each message. */
interface Turn {
  status: number;
  replies: RecordedRequest[];
  headlines: string[];
}

function headline(reply: RecordedRequest): string {
  const { title, text } = see(reply);
  return title || text;
}

function buttonData(reply: RecordedRequest): Record<string, unknown>[] {
  return see(reply).buttons.map((b) => b.data);
}

/** Posts the body as is (so tampered JSON stays tampered) and collects the messages sent back. */
async function turn(activity: Partial<Activity>): Promise<Turn> {
  stub.reset();
  const res = await postActivity(h.baseUrl, activity);
  await res.text();
  const replies = postedMessages(stub);
  return { status: res.status, replies, headlines: replies.map(headline) };
}

function at(extra: ActivityOptions = {}): ActivityOptions {
  return { serviceUrl: stub.serviceUrl, ...extra };
}

const message = (text: string) => (): Partial<Activity> => personalMessage(text, at());
const submit = (value: unknown) => (): Partial<Activity> => ({ ...cardSubmit({}, at()), value });
const withAttachments =
  (attachments: Attachment[], text = '') =>
  (): Partial<Activity> => ({ ...personalMessage(text, at()), attachments });

/** Bytes that look like a binary file pasted as text, the same every run. */
function garbage(length: number): string {
  let seed = 20240301;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(seed % 256);
  }
  return `${out}\ud800 \udfff\ufffe\uffff`;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const RUN_HISTORY_LINE =
  'ADMA  Delta Import  stopped-connectivity  01-03-2024 02:00:13  01-03-2024 02:00:45  0  0  0\n';
const STACK_FRAME = '   at Mms.Rules.MVExtension.Provision(MVEntry mventry)\n';

const EMPTY = /^That message was empty\. /;
const CANNOT_READ_FILES = /^I cannot read images or files\. Please paste the text/;
const BAD_CLICK = /^I could not read that button click\. /;
const STALE_CARD = /^That card is out of date/;
/** A click that answers nothing: either refusal is polite, neither gives advice. */
const REFUSED_CLICK = /^(?:I could not read that button click\. |That card is out of date)/;
const SYMPTOM_QUESTION = /^What goes wrong\?$/;
/** Noise has no language; which one the symptom question comes in is not this file's concern. */
const SYMPTOM_QUESTION_ANY_LANGUAGE = /^(?:What goes wrong\?|Hvad går galt\?)$/;
const APOLOGY = /Sorry, something went wrong|Beklager, noget gik galt/;

const BAD_INPUTS: readonly (readonly [string, () => Partial<Activity>, RegExp])[] = [
  // text
  ['empty text', message(''), EMPTY],
  ['only spaces, tabs and &nbsp;', message(' \t &nbsp;\n '), EMPTY],
  [
    'text that is not a string',
    () => ({ ...personalMessage('', at()), text: 42 as unknown as string }),
    EMPTY,
  ],
  ['20,000 characters of text', message('a'.repeat(20_000)), SYMPTOM_QUESTION],
  [
    'a 100 KB paste of run history',
    message(repeatTo(RUN_HISTORY_LINE, 100_000)),
    /^Look up the run error code$/,
  ],
  [
    'a 100 KB stack trace',
    message(`ObjectAlreadyExistsException: exists\n${repeatTo(STACK_FRAME, 100_000)}`),
    /^Read the stack trace of the extension exception$/,
  ],
  ['emoji only', message('🔥🔥🔥 😭 🙈💥'), SYMPTOM_QUESTION],
  [
    'HTML soup',
    message(
      '<div><p><b><i>&lt;&lt;&gt;</b></p><span style="x">&#xFFFFFF;&#0;&bogus;</span><br/><<<>>><script>alert(1)</script><table><tr><td>',
    ),
    SYMPTOM_QUESTION,
  ],
  ['control characters only', message('\u0000\u0001\u0002\u0007\u0008\u000b\u001b\u007f\u0085\u009f'), EMPTY],
  ['binary-looking garbage', message(garbage(4_000)), SYMPTOM_QUESTION_ANY_LANGUAGE],
  // attachments
  [
    'an image attachment only',
    withAttachments([
      { contentType: 'image/png', contentUrl: 'https://smba.example.invalid/img/1', name: 'run-history.png' },
    ]),
    CANNOT_READ_FILES,
  ],
  [
    'an image pasted inline, as Teams sends it',
    withAttachments([
      { contentType: 'image/*', contentUrl: 'https://smba.example.invalid/img/2' },
      {
        contentType: 'text/html',
        content:
          '<div><div><span><img height="250" src="https://smba.example.invalid/img/2" width="400"></span></div></div>',
      },
    ]),
    CANNOT_READ_FILES,
  ],
  [
    'a file upload only',
    withAttachments([
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        content: { downloadUrl: 'https://example.invalid/f', uniqueId: 'f-1', fileType: 'pdf' },
        name: 'run-history.pdf',
      },
    ]),
    /^I read \.xml, \.txt and \.log files; run-history\.pdf is none of those\./,
  ],
  // card submits
  ['a card submit with an unknown verb', submit({ verb: 'deleteEverything' }), BAD_CLICK],
  ['a card submit with no verb', submit({}), BAD_CLICK],
  [
    'a card submit with missing fields (answer)',
    submit({ verb: 'answer', questionId: 'symptom#1' }),
    BAD_CLICK,
  ],
  ['a card submit with missing fields (stillFailing)', submit({ verb: 'stillFailing' }), BAD_CLICK],
  [
    'a card submit with a step id that does not exist',
    submit({ verb: 'showStep', step: 'format-c' }),
    BAD_CLICK,
  ],
  ['a card submit with a numeric step', submit({ verb: 'fixed', step: 3 }), BAD_CLICK],
  [
    'a card submit answering a question never asked',
    submit({ verb: 'answer', questionId: 'symptom#999', choice: 'pcns-6025' }),
    STALE_CARD,
  ],
  [
    'a card submit with __proto__ carrying the fields',
    submit(JSON.parse('{"verb":"answer","__proto__":{"questionId":"symptom#1","choice":"pcns-6025"}}')),
    BAD_CLICK,
  ],
  ['a card submit whose verb is __proto__', submit({ verb: '__proto__' }), BAD_CLICK],
  [
    'a card submit with __proto__ as question and choice',
    submit({ verb: 'answer', questionId: '__proto__', choice: 'constructor' }),
    STALE_CARD,
  ],
  [
    'a card submit with junk in tried',
    submit({ verb: 'stillFailing', step: 'pcns-6025', tried: ['__proto__', 'constructor', 42, null, {}] }),
    /^Let us try the next step$/,
  ],
  ['a card submit whose value is a string', submit('help'), BAD_CLICK],
  ['a card submit whose value is an array', submit([{ verb: 'help' }]), BAD_CLICK],
  ['a card submit whose value is a number', submit(42), BAD_CLICK],
];

async function expectNormalTurnWorks(): Promise<void> {
  const normal = await turn(personalMessage('PCNS logs event 6025 on the DC', at()));
  expect(normal.status).toBe(200);
  expect(normal.headlines).toEqual([getStep('pcns-6025').title.en]);
}

function expectPolite(result: Turn, reply: RegExp): void {
  expect(result.status).toBeGreaterThanOrEqual(200);
  expect(result.status).toBeLessThan(300);
  expect(result.replies.length).toBeGreaterThanOrEqual(1);
  expect(result.headlines.join('\n')).not.toMatch(APOLOGY);
  expect(result.headlines[0]).toMatch(reply);
  for (const r of result.replies) {
    // Teams refuses messages over about 28 KB; every card must fit.
    expect(Buffer.byteLength(JSON.stringify(r.body), 'utf8')).toBeLessThan(MAX_CARD_BYTES + 2048);
  }
  expect(h.logLines.filter((line) => line.includes('"msg":"turn failed"'))).toEqual([]);
}

describe('bad input gets a polite reply, never a crash', () => {
  it.each(BAD_INPUTS)('%s', async (_what, activity, reply) => {
    expectPolite(await turn(activity()), reply);
    await expectNormalTurnWorks();
  });
});

describe('tampered answers to a real question', () => {
  it.each([
    ['a choice that is not on the card', { choice: 'format-c' }, REFUSED_CLICK],
    ['__proto__ as the choice', { choice: '__proto__' }, REFUSED_CLICK],
    ['constructor as the choice', { choice: 'constructor' }, REFUSED_CLICK],
    ['a choice longer than any real one', { choice: 'x'.repeat(201) }, REFUSED_CLICK],
    ['an edited question id', { questionId: 'symptom#1x' }, STALE_CARD],
    ['an empty question id', { questionId: '' }, REFUSED_CLICK],
    ['extra fields beside a real answer', { admin: true, step: 'format-c' }, /^Run a recent MIM Sync build$/],
  ] as const)('%s', async (_what, change, reply) => {
    const question = await turn(personalMessage('hi', at()));
    expect(question.headlines).toEqual(['What goes wrong?']);
    const [first] = buttonData(question.replies[0]);
    expect(first).toMatchObject({ verb: 'answer' });

    expectPolite(await turn(cardSubmit({ ...first, ...change }, at())), reply);
    await expectNormalTurnWorks();
  });

  it('a click on a question the conversation has moved past is out of date', async () => {
    const question = await turn(personalMessage('hi', at()));
    const [first] = buttonData(question.replies[0]);
    expectPolite(await turn(personalMessage('start over', at())), /^Fine, we start again\.$/);
    expectPolite(await turn(cardSubmit(first, at())), STALE_CARD);
    await expectNormalTurnWorks();
  });
});
