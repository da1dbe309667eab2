import { MemoryStorage, TestAdapter, type Activity, type Middleware } from 'botbuilder';
import { decide } from '../../../src/diagnosis/decide';
import { STEPS, getStep } from '../../../src/diagnosis/knowledge/steps';
import { toPlainText } from '../../../src/diagnosis/plain-text';
import { recognize } from '../../../src/diagnosis/recognize';
import type { Lang, StepId } from '../../../src/diagnosis/types';
import { MimSyncDoctorBot } from '../../../src/teams/bot';
import { seeActivity, type Seen, type SeenButton } from '../../helpers/replies';

/**
 * The triage dialog as a Teams user meets it, through the bot that runs it: what they type or click,
 * and what they see back (card headings, texts, buttons, links). Nothing here looks at dialog state.
 */

// ---- what the user sees

/** One reply as the user sees it: a plain text, or a card's heading, visible text and facts, buttons and links. */
function see(activity: Partial<Activity>): Seen {
  return seeActivity(activity, { facts: true });
}

/** Card headings, or the text of plain replies: the one-line summary of a turn. */
function headlines(replies: readonly Seen[]): string[] {
  return replies.map((r) => r.title || r.text);
}

// ---- a conversation with the dialog

/** Teams stamps every inbound activity with the client's locale. */
function teamsLocale(locale: string): Middleware {
  return {
    onTurn: async (context, next) => {
      context.activity.locale ??= locale;
      await next();
    },
  };
}

class Chat {
  private readonly adapter: TestAdapter;
  private last: Seen[] = [];

  constructor(locale = 'en-US') {
    const bot = new MimSyncDoctorBot(new MemoryStorage());
    this.adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams' });
    this.adapter.use(teamsLocale(locale));
  }

  say(text: string): Promise<Seen[]> {
    return this.send({ type: 'message', text });
  }

  /** Clicks the button with this title on the latest replies (the last card that has one). */
  click(title: string, on: readonly Seen[] = this.last): Promise<Seen[]> {
    // Action.Execute arrives as an adaptiveCard/action invoke carrying the verb and the data.
    const { data } = this.button(title, on);
    const { verb } = data;
    return this.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });
  }

  button(title: string, on: readonly Seen[] = this.last): SeenButton {
    const button = [...on]
      .reverse()
      .flatMap((r) => r.buttons)
      .find((b) => b.title === title);
    if (!button) {
      const offered = on.flatMap((r) => r.buttons.map((b) => b.title)).join(' | ');
      throw new Error(`No button "${title}" on the latest replies; offered: ${offered || 'none'}`);
    }
    return button;
  }

  /** The replies the user sees; an invoke's response is not one of them (bot.test.ts covers it). */
  async send(activity: Partial<Activity>): Promise<Seen[]> {
    await this.adapter.processActivity(activity);
    const replies: Seen[] = [];
    for (let reply = this.adapter.activeQueue.shift(); reply; reply = this.adapter.activeQueue.shift()) {
      if (reply.type !== 'invokeResponse') replies.push(see(reply));
    }
    this.last = replies;
    return replies;
  }
}

// ---- expectations

const ADVICE_BUTTONS: Record<Lang, string[]> = {
  en: ['That fixed it', 'Still failing', 'Start over'],
  da: ['Det løste det', 'Fejler stadig', 'Start forfra'],
};
const KICKER: Record<Lang, (n: number) => string> = {
  en: (n) => `Recommended step ${n} of 7`,
  da: (n) => `Anbefalet trin ${n} af 7`,
};

/** The advice card of a step: its title, its documentation link, its kicker and the three buttons. */
function expectAdvice(reply: Seen | undefined, id: StepId, lang: Lang = 'en'): void {
  const step = getStep(id);
  expect(reply?.title).toBe(step.title[lang]);
  expect(reply?.links).toEqual([step.docUrl]);
  expect(reply?.body).toContain(KICKER[lang](step.order));
  expect(reply?.body).toContain(step.actions[lang][0]);
  expect(reply?.buttons.map((b) => b.title)).toEqual(ADVICE_BUTTONS[lang]);
}

const SYMPTOM_QUESTION = 'What goes wrong?';
const SYMPTOM_LABELS = [...STEPS.map((s) => s.symptom.en), 'Something else'];

/** The question that sharpens a step's advice when the message did not already answer it. */
const REFINE_QUESTION: Record<StepId, string | null> = {
  'update-mim': 'Which MIM Sync build do you run?',
  'update-connectors': 'Which connector is it?',
  'run-error-codes': 'What is the exact run status?',
  'extension-dll-exception': null,
  'pcns-6025': null,
  'fim-ma-slow-full-sync': null,
  'fim-ma-failed-creation': null,
};

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

  it('says plainly when a message is about a product it does not cover', async () => {
    const replies = await new Chat().say('Entra Connect export shows stopped-server on the AAD connector');
    expect(headlines(replies)).toEqual(['That is outside what I cover']);
    expect(replies[0].body).toContain('Entra Connect');
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

describe('TriageDialog: after the advice', () => {
  const HUMAN = 'Time for a human' as const;

  /** The message, then what each click on "Still failing" shows next: a step's advice, or the hand-over. */
  const WALKS: readonly (readonly [string, string, readonly (StepId | typeof HUMAN)[]])[] = [
    [
      'a run that stopped with stopped-connectivity',
      'ADMA  Delta Import  stopped-connectivity  01-03-2024 02:00:13',
      ['update-mim', HUMAN],
    ],
    ['PCNS event 6025', 'Event ID: 6025 Source: PCNSSVC', ['update-mim', HUMAN]],
    [
      'an extension stack trace',
      'ObjectAlreadyExistsException\n   at Mms.Rules.MVExtension.Provision(MVEntry mventry)',
      ['run-error-codes', 'update-mim', HUMAN],
    ],
    ['a build check', 'version 4.6.421.0', [HUMAN]],
  ];

  it.each(WALKS)('"Still failing" after %s: %s -> %j', async (_case, text, walk) => {
    const chat = new Chat();
    await chat.say(text);
    for (const expected of walk) {
      const replies = await chat.click('Still failing');
      if (expected === HUMAN) {
        expect(headlines(replies)).toEqual([HUMAN]);
        expect(replies[0].body).toContain('Hand the case to your MIM support team with this summary:');
      } else {
        expect(replies[0].text).toBe('Let us try the next step');
        expectAdvice(replies[1], expected);
      }
    }
  });

  it('the summary for a human names what was recognised and the steps shown', async () => {
    const chat = new Chat();
    await chat.say('version 4.6.421.0');
    const [human] = await chat.click('Still failing');
    expect(human.body).toContain('4.6.421.0');
    expect(human.body).toContain('"Run a recent MIM Sync build"');
  });

  it('"That fixed it" thanks the user and closes the case', async () => {
    const chat = new Chat();
    await chat.say('full sync on the FIM MA hangs for hours');
    const thanks = await chat.click('That fixed it');
    expect(headlines(thanks)).toEqual(['Glad it works again']);
    expect(thanks[0].body).toContain('If the failure comes back');
    // The case is closed: "still failing" now needs a new symptom.
    expect(headlines(await chat.say('still failing'))).toEqual([SYMPTOM_QUESTION]);
  });

  it.each(['still failing', 'Still failing.', "didn't help"])(
    'typing "%s" works like clicking Still failing',
    async (typed) => {
      const text = 'Event ID: 6025 Source: PCNSSVC';
      const clicking = new Chat();
      await clicking.say(text);
      const clicked = await clicking.click('Still failing');

      const typing = new Chat();
      await typing.say(text);
      const replies = await typing.say(typed);
      expect(headlines(replies)).toEqual(headlines(clicked));
      expectAdvice(replies[1], 'update-mim');
    },
  );

  it('typing "that fixed it" works like clicking the button', async () => {
    const chat = new Chat();
    await chat.say('Event ID: 6025 Source: PCNSSVC');
    expect(headlines(await chat.say('that fixed it'))).toEqual(['Glad it works again']);
  });
});

describe('TriageDialog: questions that refine the advice', () => {
  /** The step each symptom choice leads to before its refining question. */
  const REFINE_QUESTION_STEP: Record<string, StepId> = {
    'Known bug / which build': 'update-mim',
    'A run stopped with an error': 'run-error-codes',
  };

  it.each([
    ['Known bug / which build', 'type', '4.6.421.0', 'update-mim', ['Your build', 'You run 4.6.421.0']],
    [
      'Known bug / which build',
      'type',
      'we run 4.6.421.0',
      'update-mim',
      ['Your build', 'You run 4.6.421.0'],
    ],
    [
      'A run stopped with an error',
      'click',
      'stopped-connectivity',
      'run-error-codes',
      ['What stopped-connectivity means', 'Likely causes'],
    ],
    [
      'A run stopped with an error',
      'type',
      'stopped server',
      'run-error-codes',
      ['What stopped-server means'],
    ],
    ['A run stopped with an error', 'type', '2', 'run-error-codes', ['What stopped-connectivity means']],
    [
      'A run stopped with an error',
      'click',
      'stopped-extension-dll-exception',
      'extension-dll-exception',
      ['What stopped-extension-dll-exception means'],
    ],
  ] as const)(
    'after "%s", answering by %s "%s" gives the %s advice with what the answer adds',
    async (symptom, how, answer, step, added) => {
      const chat = new Chat();
      await chat.say('hi');
      const [first, question] = await chat.click(symptom);
      expect(first.title).toBe(getStep(REFINE_QUESTION_STEP[symptom]).title.en);
      expect(question.title).toBe(REFINE_QUESTION[REFINE_QUESTION_STEP[symptom]]);
      for (const text of added) expect(first.body).not.toContain(text);

      const replies = how === 'click' ? await chat.click(answer) : await chat.say(answer);
      expect(headlines(replies)).toEqual([getStep(step).title.en]);
      expectAdvice(replies[0], step);
      for (const text of added) expect(replies[0].body).toContain(text);
    },
  );

  it('a longer message while a question is open is a new problem, not an answer', async () => {
    const chat = new Chat();
    await chat.say('hi');
    await chat.click('Known bug / which build');
    const replies = await chat.say('Event ID: 6025 Source: PCNSSVC on DC01, logged every night since Monday');
    expectAdvice(replies[0], 'pcns-6025');
  });
});

describe('TriageDialog: a message that fits two steps', () => {
  /** Messages that name two symptoms with similar weight; the first the recognizer finds ambiguous is used. */
  const TWO_SYMPTOMS = [
    'stopped-connectivity on the Generic LDAP connector',
    'the generic sql connector full sync hangs for hours',
    'password sync not working and full sync is slow',
    'the rules extension throws and the full sync hangs',
  ];

  function ambiguous(): { text: string; candidates: StepId[] } | undefined {
    for (const text of TWO_SYMPTOMS) {
      const decision = decide(recognize(toPlainText(text)));
      if (decision.kind === 'clarify' && decision.candidates.length === 2) {
        return { text, candidates: decision.candidates.map((c) => c.step) };
      }
    }
    return undefined;
  }

  it('gets ONE clarifying question offering both candidates, and a click answers it', async () => {
    const found = ambiguous();
    if (!found)
      throw new Error(
        `none of these messages is a two-candidate 'clarify' any more: ${TWO_SYMPTOMS.join(' / ')}`,
      );

    const chat = new Chat();
    const replies = await chat.say(found.text);
    expect(headlines(replies)).toEqual(['Which one is it?']);
    const offered = replies[0].buttons.map((b) => b.title);
    expect([...offered].sort()).toEqual(
      [...found.candidates.map((id) => getStep(id).symptom.en), 'Something else'].sort(),
    );

    const [chosen] = found.candidates;
    const [advice] = await chat.click(getStep(chosen).symptom.en);
    expectAdvice(advice, chosen);
  });
});

describe('TriageDialog: status and version commands', () => {
  it.each([
    ['status stopped-connectivity', 'run-error-codes', 'What stopped-connectivity means'],
    ['status StoppedServer', 'run-error-codes', 'What stopped-server means'],
    ['version 4.6.421.0', 'update-mim', 'You run 4.6.421.0'],
  ] as const)('"%s" shows the %s advice explaining it', async (command, step, explained) => {
    const replies = await new Chat().say(command);
    expect(headlines(replies)).toEqual([getStep(step).title.en]);
    expectAdvice(replies[0], step);
    expect(replies[0].body).toContain(explained);
  });

  it.each([
    ['version 9.9.9.9', '9.9.9.9 is not a MIM Sync build (4.x.x.x)'],
    ['status nonsense-code', 'I do not know the code "nonsense-code".'],
  ])('"%s" gets a polite "I do not know" and no card', async (command, answer) => {
    const replies = await new Chat().say(command);
    expect(replies).toHaveLength(1);
    expect(replies[0].title).toBe('');
    expect(replies[0].text).toContain(answer);
  });
});
