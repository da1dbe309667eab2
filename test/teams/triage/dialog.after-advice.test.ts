import { decide } from '../../../src/diagnosis/decide';
import { getStep } from '../../../src/diagnosis/knowledge/steps';
import { toPlainText } from '../../../src/diagnosis/plain-text';
import { recognize } from '../../../src/diagnosis/recognize';
import type { StepId } from '../../../src/diagnosis/types';

/**
 * The triage dialog as a Teams user meets it, through the bot that runs it: what they type or click,
 * and what they see back (card headings, texts, buttons, links). Nothing here looks at dialog state.
 */

import { Chat, REFINE_QUESTION, SYMPTOM_QUESTION, expectAdvice, headlines } from '../../helpers/triage-chat';

// ---- the specification

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
