import { recognize } from '../../src/diagnosis/recognize';
import { QUESTIONS } from '../../src/diagnosis/triage-tree';
import { normaliseAnswer, typedAnswer } from '../../src/diagnosis/typed-answer';

const noLabels = () => false;

describe('typedAnswer', () => {
  it('takes a choice by its number', () => {
    expect(typedAnswer(QUESTIONS.mimBuild, recognize('2'), noLabels)).toEqual({
      slot: 'mimBuild',
      value: '4.5',
    });
    expect(typedAnswer(QUESTIONS.mimBuild, recognize('9'), noLabels)).toBeNull();
  });

  it('takes a choice by its id, or by a label the caller recognises', () => {
    expect(typedAnswer(QUESTIONS.mimBuild, recognize('sp2'), noLabels)?.value).toBe('4.6');
    const rtm = (choice: { id: string }, text: string) => choice.id === 'rtm' && text === 'the old one';
    expect(typedAnswer(QUESTIONS.mimBuild, recognize('The old one!'), rtm)?.value).toBe('4.3');
  });

  it('fills the slot with what the recognizer found in a short message', () => {
    expect(typedAnswer(QUESTIONS.mimBuild, recognize('we run 4.6.421.0'), noLabels)).toEqual({
      slot: 'mimBuild',
      value: '4.6.421.0',
    });
    expect(typedAnswer(QUESTIONS.runStatus, recognize('it says stopped-connectivity'), noLabels)).toEqual({
      slot: 'statusCode',
      value: 'stopped-connectivity',
    });
    expect(typedAnswer(QUESTIONS.connector, recognize('generic ldap'), noLabels)).toEqual({
      slot: 'connector',
      value: 'generic-ldap',
    });
  });

  it('reads a longer message as a new problem, not as an answer', () => {
    const long = 'the run on 4.6.421.0 stopped again last night and nobody knows why at all';
    expect(typedAnswer(QUESTIONS.mimBuild, recognize(long), noLabels)).toBeNull();
  });

  it('never answers the symptom question from findings', () => {
    expect(typedAnswer(QUESTIONS.symptom, recognize('stopped-connectivity'), noLabels)).toBeNull();
  });

  it('normalises case and punctuation', () => {
    expect(normaliseAnswer('  4.6.x (SP2)! ')).toBe('4.6.x sp2');
  });
});
