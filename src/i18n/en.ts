/** English user-facing text. Keys and placeholders ({name}) must match da.ts; a test checks it. */
export const en = {
  'welcome.title': 'MIM Sync Doctor',
  'welcome.intro':
    'I help you fix failures of the MIM 2016 Synchronization Service. Paste the run status, an event-log line, a stack trace or a build number, or tell me what goes wrong, and I will point you to the recommended step.',
  'welcome.examplesLabel': 'Try for example',
  'welcome.example1': 'ADMA delta import stopped-connectivity every night',
  'welcome.example2': 'PCNS logs event 6025 on the DC',
  'welcome.example3': 'full sync on the FIM Service MA hangs for hours',
  'welcome.example4': 'version 4.6.421.0',
  'welcome.commandsLabel': 'Commands',
  'welcome.button.start': 'Choose a symptom',

  'command.help': 'Show what I can do',
  'command.startOver': 'Forget this case and begin again',
  'command.status': 'Explain a run status or error code',
  'command.version': 'Check a MIM or connector build',
  'command.language': 'Switch between English and Danish',
  'command.name.help': 'help',
  'command.name.startOver': 'start over',
  'command.name.status': 'status <code>',
  'command.name.version': 'version <build>',
  'command.name.language': 'language danish',

  'question.answered': '✓ You chose: {choice}',
  'reply.cardOutOfDate': 'That card is out of date.',
  'reply.actionDone': 'Done.',
  'question.hint': 'Click a choice or type the answer.',
  'question.symptom.title': 'What goes wrong?',
  'question.symptom.prompt': 'Pick the symptom closest to yours, or paste the error text.',
  'question.symptom.other': 'Something else',
  'question.clarify.title': 'Which one is it?',
  'question.clarify.prompt':
    'Your message fits more than one recommended step. Which describes your problem best?',
  'question.mimBuild.title': 'Which MIM Sync build do you run?',
  'question.mimBuild.prompt':
    'Synchronization Service Manager > Help > About shows it (for example 4.6.673.0). Type it, or pick the nearest line.',
  'question.mimBuild.sp2': '4.6.x (SP2)',
  'question.mimBuild.sp1': '4.4.x / 4.5.x (SP1)',
  'question.mimBuild.rtm': '4.3.x (RTM)',
  'question.mimBuild.fim': '4.0.x / 4.1.x (FIM 2010)',
  'question.unknown': "I don't know",
  'question.connector.title': 'Which connector is it?',
  'question.connector.prompt': 'Only the generic connectors ship separately from MIM.',
  'question.connector.other': 'Another connector',
  'question.runStatus.title': 'What is the exact run status?',
  'question.runStatus.prompt':
    'Synchronization Service Manager > Operations shows it under Status for the failed run. Type it, or pick one.',
  'question.runStatus.other': 'Another status',

  'advice.kicker': 'Recommended step {n} of 7',
  'advice.recognised': 'What I recognised',
  'advice.actions': 'What to do',
  'advice.why': 'Why this helps',
  'advice.doc': 'Open documentation',
  'advice.button.fixed': 'That fixed it',
  'advice.button.stillFailing': 'Still failing',
  'advice.button.startOver': 'Start over',
  'advice.secondary': 'Your message also mentions: {step}. Ask me about it when this one is done.',
  'advice.lowConfidence': 'I am not fully sure this is your case. If it does not fit, click Start over.',

  'section.meaning': 'What {code} means',
  'section.causes': 'Likely causes',
  'section.codeActions': 'For this code',
  'section.event': 'Event {id}',
  'section.eventUnknown': 'Event {id}: I have no reliable meaning for this ID.',
  'section.exception': 'About {name}',
  'section.version': 'Your build',
  'section.unverified': '(meaning inferred, not confirmed by Microsoft documentation)',

  'fact.runStatus': 'Run status',
  'fact.objectError': 'Object error',
  'fact.event': 'Event ID',
  'fact.mimBuild': 'MIM build',
  'fact.connectorBuild': 'Connector build',
  'fact.connector': 'Connector / MA',
  'fact.exception': 'Exception',
  'fact.hresult': 'HRESULT',

  'connector.generic-ldap': 'Generic LDAP',
  'connector.generic-sql': 'Generic SQL',
  'connector.lotus-domino': 'Lotus Domino',
  'connector.web-services': 'Web Services',
  'connector.powershell': 'PowerShell connector',
  'connector.graph': 'Graph connector',
  'connector.generic-csv': 'Generic CSV',
  'connector.ad': 'Active Directory MA',
  'connector.fim-service': 'FIM/MIM Service MA',
  'connector.other': 'ECMA connector',

  'reply.fixed.title': 'Glad it works again',
  'reply.fixed.text':
    'Good to hear. If the failure comes back, just paste the new status and I will take it from there.',
  'reply.next.title': 'Let us try the next step',
  'reply.exhausted.title': 'Time for a human',
  'reply.exhausted.text':
    'I have shown every step that fits what you described. Hand the case to your MIM support team with this summary: {summary}',
  'reply.outOfScope.title': 'That is outside what I cover',
  'reply.outOfScope.text':
    'I help with the MIM 2016 Synchronization Service: failed or slow runs, status and error codes, builds, generic connectors, extension exceptions, PCNS password sync and FIM Service MA exports. Your message looks like it is about something else (for example Entra Connect, the MIM Portal, SSPR, BHOLD or Certificate Management). If it is a Sync problem after all, paste the run status or the error text.',
  'reply.noSignal.title': 'Tell me a little more',
  'reply.attachment':
    'I cannot read images or files. Please paste the text of the error (run status, event-log line or stack trace) as a message.',
  'reply.empty': 'That message was empty. Paste the error text or describe what goes wrong.',
  'reply.staleCard':
    'That card is out of date: the conversation has moved on. Use the latest card, or type start over.',
  'reply.badAction': 'I could not read that button click. Please use the latest card, or type help.',
  'reply.languageSet': 'OK, I will answer in English from now on.',
  'reply.startOver': 'Fine, we start again.',
  'reply.unknownCode':
    'I do not know the code "{code}". Check the spelling, or paste the whole line from Synchronization Service Manager.',
  'reply.unknownBuild':
    '{build} is not a MIM Sync build (4.x.x.x) or a generic connector build (1.1.x.x). Synchronization Service Manager > Help > About shows the MIM build, for example 4.6.673.0.',
  'reply.describe.title': 'Tell me in your own words',
  'reply.describe.text':
    'Describe what goes wrong, or paste the error text: the run status, a line from the event log or a stack trace. Several lines are fine.',
  'version.line':
    'You chose {line} ({prefix}.x). The latest MIM 2016 build is {latest}; compare your exact build (Help > About) with the version history.',
  'version.lineUnsupported':
    '{line} is out of support: plan the upgrade to MIM 2016 SP2 and then to its latest build.',
  'reply.versionCheck.title': 'Build check: {build}',
  'reply.statusLookup.title': 'Code: {code}',
  'reply.tooLong': 'Your message was very long; I read the first part and the end of it.',
  'reply.slowDown':
    'You are sending messages faster than I can answer. Wait a little, then send your question again.',

  'summary.stepsShown': 'steps shown: {steps}',

  'error.title': 'Sorry, something went wrong',
  'error.text':
    'I hit an internal error while answering. Please try again; if it keeps happening, type start over.',
} as const;

export type StringKey = keyof typeof en;
