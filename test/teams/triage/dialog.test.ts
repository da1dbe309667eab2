import { STEPS, getStep } from '../../../src/diagnosis/knowledge/steps';
import type { StepId } from '../../../src/diagnosis/types';

/**
 * The triage dialog as a Teams user meets it, through the bot that runs it: what they type or click,
 * and what they see back (card headings, texts, buttons, links). Nothing here looks at dialog state.
 */

import {
  Chat,
  REFINE_QUESTION,
  SYMPTOM_LABELS,
  SYMPTOM_QUESTION,
  expectAdvice,
  headlines,
} from '../../helpers/triage-chat';

// ---- the specification

describe('TriageDialog: choosing a symptom', () => {
  it('greets an unclear message with the symptom question offering all seven steps', async () => {
    const replies = await new Chat().say('hi');
    expect(headlines(replies)).toEqual([SYMPTOM_QUESTION]);
    expect(replies[0].buttons.map((b) => b.title)).toEqual(SYMPTOM_LABELS);
  });

  it.each(STEPS.map((s) => [s.symptom.en, s.id] as const))(
    'clicking "%s" shows the advice card for %s',
    async (label, id) => {
      const chat = new Chat();
      await chat.say('hi');
      const [advice, ...rest] = await chat.click(label);
      expectAdvice(advice, id);
      const refine = REFINE_QUESTION[id];
      expect(headlines(rest)).toEqual(refine ? [refine] : []);
    },
  );

  it('"Something else" asks for more detail instead of guessing a step', async () => {
    const chat = new Chat();
    await chat.say('hi');
    const replies = await chat.click('Something else');
    expect(headlines(replies)).toEqual(['Tell me a little more']);
    expect(replies[0].links).toEqual([]);
  });
});

/** Realistic messages, each pasted as plain text and as the HTML Teams delivers for it. */
const PASTES: { step: StepId; what: string; plain: string; html: string; recognised: string | null }[] = [
  {
    step: 'update-mim',
    what: 'which build / upgrade from 4.4.1749.0',
    plain: 'which MIM build fixes the export bug? we plan to upgrade from 4.4.1749.0',
    html: '<p>which MIM build fixes the export bug?<br>we plan to upgrade from&nbsp;4.4.1749.0</p>',
    recognised: 'MIM build: 4.4.1749.0',
  },
  {
    step: 'update-connectors',
    what: 'a Generic LDAP connector problem',
    plain: 'Generic LDAP connector delta import from OpenLDAP misses group members',
    html: '<p>Generic LDAP connector: delta import from OpenLDAP misses group members&nbsp;&lt;cn=admins&gt;</p>',
    recognised: 'Connector / MA: Generic LDAP',
  },
  {
    step: 'run-error-codes',
    what: 'a pasted run-status line',
    plain: 'ADMA  Delta Import  stopped-connectivity  01-03-2024 02:00:13  01-03-2024 02:00:45',
    html: '<p>ADMA&nbsp;&nbsp;Delta Import&nbsp;&nbsp;stopped-connectivity&nbsp;&nbsp;01-03-2024 02:00:13</p>',
    recognised: 'Run status: stopped-connectivity',
  },
  {
    step: 'extension-dll-exception',
    what: 'a stack trace with ObjectAlreadyExistsException',
    plain: [
      'Microsoft.MetadirectoryServices.ObjectAlreadyExistsException: An object with DN CN=jdoe,OU=Users already exists',
      '   at Mms.Rules.MVExtension.Provision(MVEntry mventry)',
      '   at Microsoft.MetadirectoryServices.Impl.ScriptHost.Provision(MVEntry mventry)',
    ].join('\n'),
    html:
      '<p>Microsoft.MetadirectoryServices.ObjectAlreadyExistsException: An object with DN &lt;CN=jdoe,OU=Users&gt; already exists</p>' +
      '<p>&nbsp;&nbsp; at Mms.Rules.MVExtension.Provision(MVEntry mventry)<br>&nbsp;&nbsp; at Microsoft.MetadirectoryServices.Impl.ScriptHost.Provision(MVEntry mventry)</p>',
    recognised: 'Exception: ObjectAlreadyExistsException',
  },
  {
    step: 'pcns-6025',
    what: 'an event-log line for 6025',
    plain:
      'Log Name: Application\nSource: PCNSSVC\nEvent ID: 6025\nLevel: Error\nDescription: Password Change Notification Service was unable to deliver a notification to target MIMSYNC01',
    html: '<p>Log Name:&nbsp;Application<br>Source:&nbsp;PCNSSVC<br>Event ID:&nbsp;6025<br>Level:&nbsp;Error</p>',
    recognised: 'Event ID: 6025',
  },
  {
    step: 'fim-ma-slow-full-sync',
    what: 'a full sync on the FIM MA that hangs',
    plain: 'full sync on the FIM MA hangs for hours',
    html: '<div><p>full sync on the FIM&nbsp;MA hangs for hours</p></div>',
    recognised: 'Connector / MA: FIM/MIM Service MA',
  },
  {
    step: 'fim-ma-failed-creation',
    what: 'a FIM MA export with failed-creation-via-web-services',
    plain: 'FIM MA export failed-creation-via-web-services ValueViolatesUniqueness',
    html: '<p>FIM MA export: <b>failed-creation-via-web-services</b><br>ValueViolatesUniqueness</p>',
    recognised: 'Object error: failed-creation-via-web-services',
  },
];

describe('TriageDialog: pasted messages', () => {
  const cases = PASTES.flatMap((p) => [
    [`${p.what} (plain)`, p.step, p.plain, p.recognised] as const,
    [`${p.what} (Teams HTML)`, p.step, p.html, p.recognised] as const,
  ]);

  it.each(cases)(
    '%s -> the advice card for %s, with nothing more to ask',
    async (_what, step, text, fact) => {
      const replies = await new Chat().say(text);
      expect(headlines(replies)).toEqual([getStep(step).title.en]);
      expectAdvice(replies[0], step);
      if (fact) expect(replies[0].body).toContain(fact);
      // Teams markup never leaks into what the bot shows back.
      expect(replies[0].body).not.toMatch(/&nbsp;|&lt;|&gt;|<p>|<br>|<b>/);
    },
  );

  it('answers a question about a scheduler around Sync in Danish, with its pages', async () => {
    const replies = await new Chat().say(
      'Vores AutoSync trigger fyrer aldrig for HR MA’en. Hvordan fejlfinder jeg AutoSync triggers?',
    );
    expect(headlines(replies)).toEqual(['Det handler om Lithnet AutoSync']);
    expect(replies[0].links).toEqual([
      'https://docs.lithnet.io/autosync-for-mim',
      'https://github.com/lithnet/miis-autosync/issues',
    ]);
  });

  it('names a product it knows only by description in the admin’s language, the sentence starting right', async () => {
    const replies = await new Chat().say(
      'Vores sync-script dør med\nTraceback (most recent call last):\n  File "sync.py", line 12, in main\nKeyError: mail\nHvad er der galt?',
    );
    expect(headlines(replies)).toEqual(['Det handler om et værktøj, der kører på Python, Java eller PHP']);
    expect(replies[0].body).toMatch(
      /\nEt værktøj, der kører på Python, Java eller PHP er ikke en del af MIM/,
    );
  });

  it('abstains on a long post that only brushes past the Sync engine, offering the steps it came closest to', async () => {
    const chat = new Chat();
    const replies = await chat.say(
      'Hi all, our HR team has a small in-house web app that shows people from a nightly copy of the metaverse, read through a SQL view we built ourselves. Since the app team moved it to new hosting, the people page shows old job titles for some users. How should such a view be refreshed? Thanks, Ole',
    );
    // It says it is unsure rather than that the message is about something else.
    expect(headlines(replies)).toEqual(['I am not sure this is a Sync problem']);
    expect(replies[0].body).toContain('run status');
    const slow = getStep('fim-ma-slow-full-sync').title.en;
    expect(replies[0].buttons.map((b) => b.title)).toEqual([slow]);
    // Not a dead end: it was a Sync problem after all, and one click shows that step.
    expectAdvice((await chat.click(slow))[0], 'fim-ma-slow-full-sync', 'en');
  });

  it('says plainly when a message is about a product it does not cover', async () => {
    const replies = await new Chat().say('Entra Connect export shows stopped-server on the AAD connector');
    // The product is named, with its verified documentation, and what the bot does cover.
    expect(headlines(replies)).toEqual(['That is Microsoft Entra Connect (Azure AD Connect, DirSync)']);
    expect(replies[0].body).toContain('MIM 2016 Synchronization Service');
    expect(replies[0].links).toEqual([
      'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/tshoot-connect-sync-errors',
    ]);
    // The step the quoted status came close to stays one click away.
    expect(replies[0].buttons.map((b) => b.title)).toEqual([getStep('run-error-codes').title.en]);
  });
});

/** The same seven problems written in Danish. */
const DANISH: readonly (readonly [StepId, string])[] = [
  ['update-mim', 'hvilken MIM build retter fejlen? vi vil opgradere fra 4.4.1749.0'],
  [
    'update-connectors',
    'vi har problemer med Generic LDAP connectoren, den mister gruppemedlemmer ved delta import',
  ],
  ['run-error-codes', 'Kørslen på vores AD MA stopper med stopped-connectivity hver nat'],
  [
    'extension-dll-exception',
    'vores rules extension kaster ObjectAlreadyExistsException, og det sker hver gang',
  ],
  ['pcns-6025', 'PCNS logger hændelse 6025 på vores DC hver nat, og password sync virker ikke'],
  ['fim-ma-slow-full-sync', 'fuld synkronisering på FIM MA hænger i timevis'],
  [
    'fim-ma-failed-creation',
    'eksporten til FIM MA fejler med failed-creation-via-web-services og ValueViolatesUniqueness, hvad gør jeg?',
  ],
];

describe('TriageDialog: language', () => {
  it.each(DANISH)(
    'a Danish message gets the Danish card for %s, even in an English Teams client',
    async (step, text) => {
      const replies = await new Chat('en-US').say(text);
      expectAdvice(replies[0], step, 'da');
    },
  );

  it('an English message gets an English card, even in a Danish Teams client', async () => {
    const replies = await new Chat('da-DK').say(
      'PCNS logs event 6025 on the DC every night and the password never arrives',
    );
    expectAdvice(replies[0], 'pcns-6025', 'en');
  });

  it('a Danish Teams client gets the symptom question and the advice in Danish', async () => {
    const chat = new Chat('da-DK');
    const question = await chat.say('hej');
    expect(headlines(question)).toEqual(['Hvad går galt?']);
    expect(question[0].buttons.map((b) => b.title)).toEqual([
      ...STEPS.map((s) => s.symptom.da),
      'Noget andet',
    ]);
    const [advice] = await chat.click(getStep('pcns-6025').symptom.da);
    expectAdvice(advice, 'pcns-6025', 'da');
  });

  it('"sprog dansk" switches to Danish and is remembered for the next messages', async () => {
    const chat = new Chat('en-US');
    expect(headlines(await chat.say('sprog dansk'))).toEqual(['OK, jeg svarer på dansk fra nu af.']);
    const advice = await chat.say(
      'PCNS logs event 6025 on the DC every night and the password never arrives',
    );
    expectAdvice(advice[0], 'pcns-6025', 'da');
    expect(headlines(await chat.say('help'))).toEqual(['MIM Sync Doctor']);
    expect((await chat.say('hi'))[0].title).toBe('Hvad går galt?');

    expect(headlines(await chat.say('language english'))).toEqual([
      'OK, I will answer in English from now on.',
    ]);
    expectAdvice(
      (await chat.say('fuld synkronisering på FIM MA hænger i timevis'))[0],
      'fim-ma-slow-full-sync',
    );
  });
});

describe('TriageDialog: help and start over in the middle of a case', () => {
  it('help shows the welcome card, and the question asked before still answers', async () => {
    const chat = new Chat();
    const question = await chat.say('hi');
    const help = await chat.say('help');
    expect(headlines(help)).toEqual(['MIM Sync Doctor']);
    expect(help[0].body).toContain('Paste the run status');
    expect(help[0].body).toContain('start over: Forget this case and begin again');
    expect(help[0].buttons.map((b) => b.title)).toEqual(['Choose a symptom']);

    const [advice] = await chat.click('PCNS event 6025', question);
    expectAdvice(advice, 'pcns-6025');
  });

  it('"hjælp" shows the welcome card in Danish to a Danish Teams client', async () => {
    const help = await new Chat('da-DK').say('hjælp');
    expect(help[0].body).toContain('Jeg hjælper dig med at løse fejl i MIM 2016 Synchronization Service.');
    expect(help[0].buttons.map((b) => b.title)).toEqual(['Vælg et symptom']);
  });

  it('start over asks the symptom question again; the old question is then out of date', async () => {
    const chat = new Chat();
    const old = await chat.say('hi');
    const restarted = await chat.say('start over');
    expect(headlines(restarted)).toEqual(['Fine, we start again.', SYMPTOM_QUESTION]);

    // The click is an invoke: the "out of date" answer goes back in the invoke response (see bot.test.ts),
    // and the dialog itself sends nothing and changes nothing.
    const stale = await chat.click('PCNS event 6025', old);
    expect(headlines(stale)).toEqual([]);

    const [advice] = await chat.click('PCNS event 6025', restarted);
    expectAdvice(advice, 'pcns-6025');
  });

  it.each([
    ['the welcome card', 'help', 'Choose a symptom'],
    ['an advice card', 'full sync on the FIM MA hangs for hours', 'Start over'],
  ])('the start button on %s asks the symptom question', async (_card, text, button) => {
    const chat = new Chat();
    await chat.say(text);
    const replies = await chat.click(button);
    expect(headlines(replies)).toEqual([SYMPTOM_QUESTION]);
  });
});
