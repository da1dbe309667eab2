import { diagnose } from '../../src/diagnosis/diagnose';

/** A long post is read for its question: quoted replies and signatures do not decide the step. */

describe('reading a long post', () => {
  it.each([
    [
      'a quoted earlier reply counts less than the admin’s own words',
      '> Have you looked at the PCNS event 6025 guide? It fixed it for us.\n>\n> Anders\n\nThanks, but this is not PCNS at all: our ADMA delta import ends in stopped-connectivity every night at 02:00.',
      'run-error-codes',
    ],
    [
      'a signature with a team name and a server in it is not the problem',
      'The full sync on the FIM Service MA now hangs for 14 hours and SQL shows TempDB growing all night.\n\nBest regards\nJens Jensen\nPCNS and password sync team, event 6025 duty this week',
      'fim-ma-slow-full-sync',
    ],
    [
      'a greeting that thanks on the first line is not a signature',
      'Thanks for reading!\nOur ADMA delta import ends in stopped-connectivity every night. What does the status mean?',
      'run-error-codes',
    ],
  ])('%s', (_name, text, step) => {
    expect(diagnose(text).decision.route).toBe(step);
  });
});
