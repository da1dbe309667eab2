import type { Activity } from 'botbuilder';
import { getStep } from '../../../src/diagnosis/knowledge/steps';
import { channelMessage, personalMessage, type ActivityOptions } from '../../helpers/activities';
import { postActivity, useEdgeBot } from '../../helpers/edge-harness';
import { seeActivity } from '../../helpers/replies';

/**
 * The two message-extension commands over HTTP, as Teams invokes them: the action on a message
 * (`composeExtension/submitAction`) and the compose-box search (`composeExtension/query`). The
 * answer is the invoke response itself.
 */

const h = useEdgeBot({ RATE_LIMIT_PER_USER: 'off', RATE_LIMIT_PER_CONVERSATION: 'off' });

interface ExtensionAttachment {
  contentType: string;
  content: unknown;
  preview?: { contentType: string; content: { title?: string; text?: string } };
}
interface ExtensionBody {
  composeExtension: { type: string; text?: string; attachments?: ExtensionAttachment[] };
}

function invoke(name: string, value: unknown, options: ActivityOptions & { inChannel?: boolean } = {}) {
  const base = options.inChannel ? channelMessage('', options) : personalMessage('', options);
  const activity: Partial<Activity> = { ...base, type: 'invoke', name, value };
  delete activity.text;
  delete activity.entities;
  return activity;
}

async function answer(activity: Partial<Activity>): Promise<ExtensionBody> {
  const res = await postActivity(h.baseUrl, activity);
  expect(res.status).toBe(200);
  return (await res.json()) as ExtensionBody;
}

/** What the user sees of each result: the full card's heading and the preview's title. */
function results(body: ExtensionBody) {
  return (body.composeExtension.attachments ?? []).map((a) => ({
    title: seeActivity({ attachments: [{ contentType: a.contentType, content: a.content }] }).title,
    preview: a.preview?.content.title ?? '',
    buttons: seeActivity({ attachments: [{ contentType: a.contentType, content: a.content }] }).buttons,
  }));
}

const diagnoseAction = (html: string, options: ActivityOptions & { inChannel?: boolean } = {}) =>
  invoke(
    'composeExtension/submitAction',
    {
      commandId: 'diagnoseMessage',
      commandContext: 'message',
      messagePayload: { id: '1700000000000', body: { contentType: 'html', content: html } },
    },
    options,
  );

const search = (query: string | null, queryOptions = { skip: 0, count: 25 }, options: ActivityOptions = {}) =>
  invoke(
    'composeExtension/query',
    {
      commandId: 'searchKnowledge',
      parameters:
        query === null ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: query }],
      queryOptions,
    },
    options,
  );

const STOPPED = getStep('run-error-codes');

describe('"Diagnose with MIM Sync Doctor" on a message', () => {
  it('answers a colleague’s HTML message with the advice card of its step, buttons carrying the step', async () => {
    const body = await answer(
      diagnoseAction(
        '<p>Our <b>ADMA</b> delta import ended with <code>stopped-connectivity</code> again last night</p>',
        { inChannel: true },
      ),
    );
    expect(body.composeExtension.type).toBe('result');
    const [card] = results(body);
    expect(card.title).toBe(STOPPED.title.en);
    expect(card.buttons.some((b) => b.data.step === 'run-error-codes')).toBe(true);
  });

  it('answers a Danish message in Danish', async () => {
    const body = await answer(
      diagnoseAction(
        '<p>Vores delta import på ADMA stopper med stopped-connectivity hver nat, hvad gør jeg?</p>',
      ),
    );
    expect(results(body)[0].title).toBe(STOPPED.title.da);
  });

  it('gives the out-of-scope card for a message with nothing to place, and for an empty one', async () => {
    for (const html of ['<p>Who is bringing cake on Friday?</p>', '']) {
      const body = await answer(diagnoseAction(html));
      expect(body.composeExtension.type).toBe('result');
      expect(results(body)[0].title).toBe('That is outside what I cover');
    }
  });

  it('reads a 1 MB message without failing', async () => {
    const big = `<p>${'stopped-connectivity on the ADMA export '.repeat(24_000)}</p>`.slice(0, 1_000_000);
    const res = await postActivity(h.baseUrl, diagnoseAction(big));
    expect([200, 413]).toContain(res.status);
  });
});

describe('searching the knowledge from the compose box', () => {
  it.each(['stopped-conn', 'stoppedconnectivity', 'stopped-connectivty'])(
    'finds stopped-connectivity for "%s", with a one-line preview and the advice card on selection',
    async (query) => {
      const [first] = results(await answer(search(query)));
      expect(first.preview).toBe('Run status stopped-connectivity');
      expect(first.title).toBe(STOPPED.title.en);
    },
  );

  it('gives Danish cards for Danish symptom words', async () => {
    const found = results(await answer(search('fuld synkronisering på FIM MA er meget langsom')));
    expect(found.map((r) => r.title)).toContain(getStep('fim-ma-slow-full-sync').title.da);
  });

  it('lists the seven steps on the initial run and for an empty query, and pages', async () => {
    const initial = results(await answer(search(null)));
    expect(initial).toHaveLength(7);
    expect(results(await answer(search('')))).toEqual(initial);
    const second = results(await answer(search(null, { skip: 5, count: 5 })));
    expect(second.map((r) => r.preview)).toEqual(initial.slice(5).map((r) => r.preview));
  });

  it('says plainly when nothing matches, e.g. a query of emoji', async () => {
    const body = await answer(search('🔥🔥🔥'));
    expect(body.composeExtension.type).toBe('message');
    expect(body.composeExtension.text).toMatch(/^Nothing I know matches that\./);
  });
});

describe('a command id the bot does not have', () => {
  it('is answered with a message, not an error', async () => {
    for (const name of ['composeExtension/query', 'composeExtension/submitAction']) {
      const body = await answer(invoke(name, { commandId: 'deleteEverything', parameters: [] }));
      expect(body.composeExtension).toEqual({
        type: 'message',
        text: expect.stringMatching(/^I do not know that command\./),
      });
    }
  });
});
