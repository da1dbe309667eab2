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
  'reply.outOfScope.product.title': 'That is {product}',
  'reply.outOfScope.product.text':
    '{product} is {what}. I help with the MIM 2016 Synchronization Service itself: failed or slow runs, status and error codes, builds, generic connectors, extension exceptions, PCNS event 6025 and FIM Service MA exports. If the Sync engine fails too, paste its run status or error text; otherwise the pages below, or your support team, are the better place.',
  'reply.outOfScope.product.docs': '{product}: documentation',
  'reply.outOfScope.product.tracker': '{product}: issue tracker',
  'reply.noSignal.title': 'Tell me a little more',
  'reply.attachment':
    'I cannot read images or files. Please paste the text of the error (run status, event-log line or stack trace) as a message.',
  'file.readingRunHistory': 'Reading your run history…',
  'file.reading': 'Reading {name}…',
  'file.tooLarge':
    '{name} is larger than the {mb} MB I read. Save only the run that failed, or paste the error text of the failed step.',
  'file.evtx':
    'I cannot open .evtx files. In Event Viewer, select the entry and choose Copy > Copy details as text, then paste it here; or save the events with Save All Events As… as XML (*.xml) or text (*.txt) and send me that file.',
  'file.zip':
    'I do not open .zip archives. Unpack it and send me the run history (.xml) or the log (.txt, .log) on its own.',
  'file.otherKind':
    'I read .xml, .txt and .log files; {name} is none of those. Send the run history saved as .xml, or paste the error text.',
  'file.notText':
    '{name} does not look like text: it seems to hold binary data. Send the run history saved as .xml, or paste the error text.',
  'file.emptyFile': '{name} is empty. Send the file again, or paste the error text.',
  'file.hostRefused':
    'That file is not stored where I am allowed to fetch files from (your organisation’s OneDrive and SharePoint), so I did not open it. Paste its text instead.',
  'file.failed': 'I could not download {name}. Send it again in a moment, or paste its text.',
  'file.timeout': 'Downloading {name} took too long, so I gave up. Send it again, or paste the error text.',
  'file.notHere':
    'Teams does not give me files posted in a channel or a group chat. Paste the text here, or send me the file in a 1:1 chat.',
  'search.kind.run-status': 'Run status {id}',
  'search.kind.object-error': 'Object error {id}',
  'search.kind.event-id': 'Event ID {id}',
  'search.kind.mim-build': 'MIM build {id}',
  'search.kind.connector-build': 'Connector build {id}',
  'search.nothing':
    'Nothing I know matches that. Try a run status (stopped-connectivity), an object error, an event ID, a build number or a few words about the symptom.',
  'extension.unknownCommand':
    'I do not know that command. Use “Diagnose with MIM Sync Doctor” on a message, or search my knowledge from the compose box.',
  'reply.empty': 'That message was empty. Paste the error text or describe what goes wrong.',
  'reply.notYours.form':
    'This is {name}’s form: only they can send it, and nothing was changed. To open a case of your own, type escalate.',
  'reply.notYours.question':
    'This question is {name}’s: only they can answer it, and nothing was changed. To get help of your own, tell me what goes wrong.',
  'reply.notYours.someone': 'someone else',
  'reply.caseLimit':
    'You have opened {n} cases in the last 24 hours, the most I open for one person in a day, so I did not open this one. Type my cases to see them; support will answer those first. You can send this form again tomorrow.',
  'reply.staleCard':
    'That card is out of date: the conversation has moved on. Use the latest card, or type start over.',
  'reply.badAction': 'I could not read that button click. Please use the latest card, or type help.',
  'reply.languageSet': 'OK, I will answer in English from now on.',
  'reply.startOver': 'Fine, we start again.',
  'reply.unknownCode':
    'I do not know the code "{code}". Check the spelling, or paste the whole line from Synchronization Service Manager.',
  'reply.unknownBuild':
    '{build} is not a MIM Sync build (4.x.x.x) or a generic connector build (1.1.x.x). Synchronization Service Manager > Help > About shows the MIM build, for example 4.6.673.0.',
  'version.line':
    'You chose {line} ({prefix}.x). The latest MIM 2016 build is {latest}; compare your exact build (Help > About) with the version history.',
  'version.lineUnsupported':
    '{line} is out of support: plan the upgrade to MIM 2016 SP2 and then to its latest build.',
  'reply.slowDown':
    'You are sending messages faster than I can answer. Wait a little, then send your question again.',

  'summary.stepsShown': 'steps shown: {steps}',

  // ---- escalation (issue 6)
  'advice.button.escalate': 'Escalate to support',
  'reply.exhausted.escalate':
    'I have shown every step that fits what you described. I can open a case for your MIM support team with everything collected so far: what I recognised, the steps you tried and what you wrote.',
  'command.escalate': 'Open a case for your MIM support team',
  'command.myCases': 'List the cases you opened',
  'command.deleteMyData': 'Delete your cases and what I remember about you',
  'command.support': 'For the support team: open cases, and which steps fixed which codes',
  'command.name.escalate': 'escalate',
  'command.name.myCases': 'my cases',
  'command.name.deleteMyData': 'delete my data',
  'command.name.support': 'open cases · stats',

  'caseForm.title': 'Escalate to support',
  'caseForm.intro':
    'I will send your MIM support team what I already know. Only two things are missing: a one-line description and the impact.',
  'caseForm.known': 'What I already know',
  'caseForm.nothingKnown': 'Nothing recognised yet, so your description is what support reads first.',
  'caseForm.steps': 'Steps shown and what you said',
  'caseForm.stepLine': '{n}. {title}: {outcome}',
  'caseForm.transcript':
    'What you wrote in this case goes with it ({n} message(s); passwords and keys are removed first).',
  'caseForm.description.label': 'Describe the problem in one line',
  'caseForm.description.placeholder': 'e.g. AD MA delta import stops every night since Monday',
  'caseForm.description.error': 'Please describe the problem in a few words.',
  'caseForm.impact.label': 'Impact',
  'caseForm.impact.error': 'Please choose the impact.',
  'caseForm.submit': 'Open case',
  'caseForm.submitted': '✓ Sent as case {caseId}.',
  'fact.step': 'Recommended step',
  'impact.all-runs-blocked': 'All runs are blocked',
  'impact.one-ma-failing': 'One management agent is failing',
  'impact.question': 'It is a question',
  'outcome.fixed': 'fixed it',
  'outcome.still-failing': 'still failing',
  'outcome.no answer': 'no answer yet',
  'status.open': 'open',
  'status.taken': 'taken',
  'status.resolved': 'resolved',

  'reply.caseMissingInput':
    'Please write a one-line description and choose the impact, then click Open case again.',
  'reply.caseOpened.title': 'Case {caseId} opened',
  'reply.caseOpened.text':
    'Your case is saved. I am posting it to the support channel now, and I will tell you here when it is there, when someone takes it and when it is resolved.',
  'reply.caseAlreadyOpened': 'That form was already sent: it is case {caseId}. Nothing new was opened.',
  'reply.caseNoChannel.title': 'Case {caseId} saved, but not sent',
  'reply.caseNoChannel.text':
    'No support channel is set up for me yet, so nobody has been told about this case. Please send this summary to your MIM support team yourself, with the case id:',
  'reply.escalationUnavailable':
    'Opening support cases is not set up here. Hand the case to your MIM support team with this summary: {summary}',

  'notice.posted.title': 'Case {caseId} is with support',
  'notice.posted.text':
    'Your case has been posted to the support channel. I will tell you here when someone takes it.',
  'notice.taken.title': 'Case {caseId} taken',
  'notice.taken.text': '{name} from support has taken your case.',
  'notice.resolved.title': 'Case {caseId} resolved',
  'notice.resolved.text': '{name} resolved your case with this note: {note}',
  'notice.failed.title': 'Case {caseId} could not be delivered',
  'notice.failed.text':
    'I could not post your case to the support channel ({reason}). Nobody has been told. Please send this summary to your MIM support team yourself:',
  'failure.notInChannel': 'I am not a member of that channel',
  'failure.notFound': 'the channel was not found',
  'failure.noChannel': 'no support channel is set up',
  'failure.other': 'the delivery kept failing',

  'case.kicker': 'Escalation · {caseId}',
  'case.untitled': 'Case {caseId}',
  'case.status.open': 'Open: nobody has taken it yet.',
  'case.status.taken': 'Taken by {name} ({when}).',
  'case.status.resolved': 'Resolved by {name} ({when}).',
  'case.mention': '{mentions}: a new case needs someone.',
  'case.requester': 'Requester',
  'case.opened': 'Opened',
  'case.impact': 'Impact',
  'case.language': 'Language',
  'case.language.en': 'English',
  'case.language.da': 'Danish',
  'case.recognised': 'What I recognised',
  'case.steps': 'Steps shown',
  'case.transcript': 'What the user wrote',
  'case.resolution': 'Resolution',
  'case.note.label': 'Resolution note (needed to resolve)',
  'case.note.placeholder': 'What fixed it, or where the case went',
  'case.note.error': 'Write a short note before you resolve the case.',
  'case.button.take': 'Take case',
  'case.button.resolve': 'Resolve',

  'reply.case.notSupport':
    'Only members of the support channel can take or resolve cases, from the case card there. Nothing was changed.',
  'reply.case.wrongCard': 'That click does not match the case of this card. Nothing was changed.',
  'reply.case.notFound': 'I cannot find that case; it may have been deleted. Nothing was changed.',
  'reply.case.takenByOther': 'This case is already taken by {name}.',
  'reply.case.alreadyResolved': 'This case is already resolved.',
  'reply.case.noteMissing': 'Please write a short resolution note first, then click Resolve.',

  'list.myCases.title': 'Your cases',
  'list.myCases.empty': 'You have no cases stored with me.',
  'list.openCases.title': 'Open cases',
  'list.openCases.empty': 'No open cases.',
  'list.case.title': '{caseId}: {description}',
  'list.status': 'Status',
  'list.opened': 'Opened',
  'list.requester': 'Requester',
  'list.takenBy': 'Taken by',
  'list.deliveryFailed':
    'Case card NOT delivered ({error}). Ask the requester or read the summary with the case id.',
  'list.deliveryPending': 'Case card not delivered yet: attempt {n}, last error {error}.',
  'list.more': 'Showing the first {n}.',
  'stats.title': 'What fixed what',
  'stats.empty': 'No feedback recorded yet.',
  'stats.fixedCodes': 'Codes it fixed',
  'stats.thumbs': 'Thumbs up / down',
  'stats.thumbsValue': '{up} / {down}',
  'stats.lastComment': 'Latest comment',
  'reply.casesUnavailable': 'Support cases are not set up here.',
  'reply.supportOnly':
    'That command is for the support team: it works in the support channel, or for support admins.',

  'reply.channel.registered':
    'This channel now receives escalation cases: each case is posted here as a new thread.',
  'reply.channel.notAdmin':
    'Only a support admin can choose the escalation channel. Ask whoever runs the bot to add your Entra object id to SUPPORT_ADMIN_IDS.',
  'reply.channel.notChannel':
    'Use this command in the Teams channel that should receive cases, with an @mention of me.',
  'reply.channel.configured':
    "The support channel is fixed by the bot's settings (SUPPORT_CHANNEL_ID); change it there.",
  'reply.deleted':
    'Done. I deleted the {n} case(s) you opened, their pending messages, and what I remembered about you here (the current case and your language choice).',

  'reply.repeat':
    'Sorry, that arrived at the same moment as another message in this conversation, so I could not take it in. Please send it again (or click the button again).',
  'error.title': 'Sorry, something went wrong',
  'error.text':
    'I hit an internal error while answering. Please try again; if it keeps happening, type start over.',

  // ---- a case as plain text to copy (case-summary.ts)
  'caseText.case': 'Case',
  'caseText.status.open': 'open',
  'caseText.status.taken': 'taken',
  'caseText.status.resolved': 'resolved',
  'caseText.requester': 'Requester',
  'caseText.opened': 'Opened',
  'caseText.impact': 'Impact',
  'caseText.impacts.all-runs-blocked': 'All runs are blocked',
  'caseText.impacts.one-ma-failing': 'One management agent is failing',
  'caseText.impacts.question': 'A question',
  'caseText.description': 'Description',
  'caseText.recognised': 'Recognised',
  'caseText.statusCodes': 'Run status',
  'caseText.objectCodes': 'Object errors',
  'caseText.eventIds': 'Event IDs',
  'caseText.exceptions': 'Exceptions',
  'caseText.mimBuild': 'MIM build',
  'caseText.connector': 'Connector',
  'caseText.connectorBuilds': 'Connector builds',
  'caseText.symptoms': 'Symptoms',
  'caseText.stepsShown': 'Steps shown',
  'caseText.outcomes.fixed': 'fixed it',
  'caseText.outcomes.still-failing': 'still failing',
  'caseText.outcomes.no answer': 'no answer',
  'caseText.transcript': 'What the user wrote',
  'caseText.takenBy': 'Taken by',
  'caseText.resolvedBy': 'Resolved by',
  'caseText.resolution': 'Resolution',
  'caseText.nothing': 'nothing recognised',

  // ---- a build's place in the version history (version-gap.ts)
  'gap.youRunDated': 'You run {build} ({line}, {date}).',
  'gap.youRun': 'You run {build} ({line}).',
  'gap.unconfirmedBuild':
    '{build} is the Service Pack 3 build number that briefly appeared in Microsoft’s docs; the official version history does not confirm it.',
  'gap.unknownWithLine': '{build} is not in the MIM version history; by its number it belongs to {line}.',
  'gap.unknownNoLine': '{build} is not a MIM or FIM build number I know.',
  'gap.invalid': '“{build}” is not a build number; a MIM build looks like 4.6.673.0.',
  'gap.newerOne': '1 newer build; the latest is {latest}.',
  'gap.newerMany': '{n} newer builds; the latest is {latest}.',
  'gap.isLatest': 'That is the latest build in the official version history.',
  'gap.aheadOfLatest': 'That is newer than the latest build in the official version history ({latest}).',
  'gap.syncFixes': 'Sync fixes since: {list}.',
  'gap.syncFixesMore': 'Sync fixes since: {list}, and {more} earlier.',
  'gap.noSyncFixes': 'None of the newer builds lists Synchronization Service fixes.',
  'gap.knownIssue': 'Known issue in this build: {text}',
  'gap.knownIssueKb': 'Known issue in this build (KB {kb}): {text}',
  'gap.sp3':
    'A Service Pack 3 (4.6.691.0) has appeared in Microsoft’s docs but is not in the official version history; an in-place upgrade to it starts from {baseline}.',
  'gap.supportMim': 'MIM 2016 is supported until {date} (moved from {previous}).',
  'gap.supportMimEnded': 'MIM 2016 support ended on {date}.',
  'gap.supportRtm':
    'The MIM 2016 RTM line (4.3.x) is no longer supported; current fixes ship as SP2 (4.6.x) builds.',
  'gap.supportSp1':
    'SP2 (4.6.34.0) replaced the SP1 builds 4.4.1302.0–4.5.412.0, and every later fix ships as an SP2 (4.6.x) build.',
  'gap.supportFimEnded':
    'FIM 2010 (including R2) went out of support on {date} (date from a partner source, not checked against Microsoft’s lifecycle pages).',
  'gap.supportFim':
    'FIM 2010 (including R2) is supported until {date} (date from a partner source, not checked against Microsoft’s lifecycle pages).',
  'gap.supportUnknown': 'I have no support information for this build number.',
  'gap.upgradeFimOld':
    'A direct upgrade to MIM 2016 SP2 needs at least FIM 2010 R2 SP1 ({minimum}); get there first.',
  'gap.upgradeFim': 'From FIM 2010 R2 SP1 ({minimum}) or later you can upgrade directly to MIM 2016 SP2.',
  'gap.connInvalid': '“{build}” is not a build number; a connector build looks like 1.1.2057.0.',
  'gap.connYouRunDated': 'You run connector build {build} ({date}).',
  'gap.connYouRun': 'You run connector build {build}.',
  'gap.connUnknown': '{build} is not in the generic connector version history.',
  'gap.connNotForMim': '{build} was released for Entra Connect only and is not meant for MIM.',
  'gap.connNewerOne': '1 newer connector build; the latest is {latest}.',
  'gap.connNewerMany': '{n} newer connector builds; the latest is {latest}.',
  'gap.connIsLatest': 'That is the latest build in the connector version history.',
  'gap.connAhead': 'That is newer than the latest build in the connector version history ({latest}).',
  'gap.connChangesHeader': 'Notable changes since:',
  'gap.connChangesMore': '…and {more} older builds.',
  'gap.connRefresh':
    'After upgrading, refresh each ECMA2 connector (properties, re-enter the password, visit every page, Refresh partitions, OK), or event 6947 warns that its configuration is older than the DLL.',
  'runAlert.kicker': 'Run watch · {server}',
  'runAlert.title': '{ma}: {profile} ended with {result}',
  'runAlert.status.open': 'Failing: {n} failed run(s) since {since}.',
  'runAlert.status.recovered': 'Recovered at {when} after {n} failed run(s).',
  'runAlert.onIt': '{name} is on it (since {when}).',
  'runAlert.nobody': 'Nobody is on it yet.',
  'runAlert.mention': '{mentions}: a MIM run failed.',
  'runAlert.muted': 'Muted by {name} until {until}: new failures of this MA are counted, not posted.',
  'runAlert.server': 'Server (key)',
  'runAlert.ma': 'Management agent',
  'runAlert.profile': 'Run profile',
  'runAlert.run': 'Run',
  'runAlert.runValue': '#{number}, ended {when}',
  'runAlert.lastRun': 'Last failed run',
  'runAlert.failedStep': 'Failed step',
  'runAlert.failedStepValue': 'Step {number} ({type}): {result}',
  'runAlert.errors': 'Errors ({n} in all)',
  'runAlert.errorLine': '{type} × {count}, for example {dn}',
  'runAlert.errorLineNoDn': '{type} × {count}',
  'runAlert.cdError': '(cd-error {code})',
  'runAlert.diagnosis': 'Recommended step',
  'runAlert.noStep': 'None of the seven steps matches these codes. If the next run fails too, open a case.',
  'runAlert.button.onIt': 'I am on it',
  'runAlert.button.mute': 'Mute this MA for 4 hours',
  'reply.runAlert.notSupport':
    'Only members of the support channel can act on run alerts, from the card there. Nothing was changed.',
  'reply.runAlert.notFound': 'I cannot find that alert any more. Nothing was changed.',
  'reply.watch.addedAll':
    'This channel now gets an alert card for every failed MIM run, of every MA. Type stop watching runs to end that.',
  'reply.watch.addedSome':
    'This channel now gets an alert card for every failed run of {mas}. Type stop watching runs to end that.',
  'reply.watch.tooMany': '{n} channels watch runs already, the most there can be. Stop one of them first.',
  'reply.watch.stopped': 'This channel no longer gets run alerts. Cards already posted stay where they are.',
  'reply.watch.notWatching': 'This channel was not watching runs, so nothing changed.',
  'reply.watch.notAdmin': 'Only support admins (SUPPORT_ADMIN_IDS) can choose which channels get run alerts.',
  'reply.watch.notChannel': 'Type this in the Teams channel that should get the run alerts, and @mention me.',
  'reply.watch.off': 'Watching MIM runs is not set up on this bot (RUN_WATCH_KEYS is empty).',
  'reply.watch.tooManyMas': 'Name at most {n} MAs, separated by commas.',
  'reply.runs.notHere': 'runs works in the support channel and in channels that watch runs.',
  'runs.title': 'Watched MIM runs',
  'runs.empty': 'No runs have arrived yet.',
  'runs.item': '{server} · {ma}',
  'runs.last': 'Last run',
  'runs.lastValue': '#{number}: {result}, ended {when}',
  'runs.failures': 'Failed in the last 24 hours',
  'runs.failuresValue': '{n} (latest #{number}: {result})',
} as const;

export type StringKey = keyof typeof en;
