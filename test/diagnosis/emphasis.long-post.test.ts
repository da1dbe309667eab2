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
    [
      'a short question with a long signature is still a short question, answered on what it says',
      'fim ma ful sync slooow, any tips?\n\nThanks in advance!\n--\nJohn Smith | Senior IAM Engineer | Example Ltd | +44 20 1234 5678\nThis e-mail and any attachments may contain confidential information. If you are not the intended recipient, please delete it.',
      'fim-ma-slow-full-sync',
    ],
    [
      'the same in Danish, signed off with “På forhånd tak”',
      'fuld sync på FIM MA er blevet meget langsom, nogen idéer?\n\nPå forhånd tak!\nMads Jensen | IAM-konsulent | Eksempel A/S | +45 12 34 56 78\nDenne mail kan indeholde fortrolige oplysninger. Er du ikke den rette modtager, så giv os besked og slet den venligst med det samme.',
      'fim-ma-slow-full-sync',
    ],
    [
      'a short question below a long quoted mail is still a short question',
      'fim ma ful sync slooow, any tips?\n\n> On Tue, 3 Dec, Peter wrote:\n> Have you tried restarting the service? We had the same thing last year after the Windows updates,\n> and a reboot of the whole box fixed it for us. Let me know how it goes, and say hi to the team.',
      'fim-ma-slow-full-sync',
    ],
    [
      'an opening greeting and “a question from our side” do not make a short question long',
      'Hi all, hope you all had a good and long weekend with the family and some rest. A question from our side:\n\nran two delta syncs side by side from two PowerShell windows, the second one fails right away with unable to run the management agent',
      'run-error-codes',
    ],
  ])('%s', (_name, text, step) => {
    expect(diagnose(text).decision.route).toBe(step);
  });
});
