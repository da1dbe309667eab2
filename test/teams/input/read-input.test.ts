import { readInput, withoutOwnName } from '../../../src/teams/input/read-input';
import { FAKE, personalMessage } from '../../helpers/activities';

/** What the bot reads from a typed message: the admin's words, not how they addressed the bot. */

describe('the bot name typed as plain text', () => {
  it.each([
    ['before a comma', 'MIM Sync Doctor, our ADMA stops every night', 'our ADMA stops every night'],
    ['in another case, after a colon', 'mim sync doctor: ADMA stops', 'ADMA stops'],
    ['with an @ and two spaces', '@MIM  Sync Doctor ADMA stops', 'ADMA stops'],
    ['after a Danish greeting, which stays', 'Hej MIM Sync Doctor, eksporten fejler', 'Hej eksporten fejler'],
  ])('is left out when it opens the message %s', (_how, typed, read) => {
    expect(withoutOwnName(typed, FAKE.botName)).toBe(read);
  });

  it.each([
    ['only the name', 'MIM Sync Doctor!'],
    ['a longer word', 'MIM Sync Doctors, are they any good?'],
    ['the name later on', 'Is MIM Sync Doctor able to read run histories?'],
  ])('is kept when the message is %s', (_how, typed) => {
    expect(withoutOwnName(typed, FAKE.botName)).toBe(typed);
  });

  it('is taken from the activity: the name the bot has in this tenant', () => {
    const activity = personalMessage('MIM Sync Doctor, ADMA delta import stopped-connectivity');
    expect(readInput(activity)).toEqual({ kind: 'text', text: 'ADMA delta import stopped-connectivity' });
    const renamed = { ...activity, recipient: { id: FAKE.botId, name: 'Sync Helper (test)' } };
    renamed.text = 'Sync Helper (test): ADMA stops';
    expect(readInput(renamed)).toEqual({ kind: 'text', text: 'ADMA stops' });
  });
});
