import { MAX_DESCRIPTION, type CaseInput } from '../../escalation';
import { alertSubmissionId, findingsOfAlert } from '../../run-watch/alert-case';
import type { Person, RunAlert } from '../../run-watch/watch-store';
import { requesterOf } from '../escalation/desk';
import { isFromChannel } from '../escalation/support-channel';
import type { ClickTurn } from '../triage/turn';
import { t } from '../../i18n';
import { expandCard } from '../views/cards';
import { runAlertView } from '../views/run-alert-view';
import type { ClickVerb, Fields } from './verb';

/** "I'm on it" on a run alert: the alert id only; who clicked is the activity's sender. */
export interface RunAlertOnItAction {
  verb: 'runAlertOnIt';
  alertId: string;
}

/** "Open a case" on a run alert: a case from the run's findings, taken by whoever clicked. */
export interface RunAlertCaseAction {
  verb: 'runAlertCase';
  alertId: string;
}

/** "Mute this MA for 4 hours" on a run alert. */
export interface RunAlertMuteAction {
  verb: 'runAlertMute';
  alertId: string;
}

const ALERT_ID = /^[0-9a-f]{24}\.\d{1,9}$/;

function readAlertId(data: Fields): string | null {
  return typeof data.alertId === 'string' && ALERT_ID.test(data.alertId) ? data.alertId : null;
}

type AlertAction = RunAlertOnItAction | RunAlertMuteAction | RunAlertCaseAction;

/** A run alert button: only the alert id in its data; what it does to the alert, by the clicker. */
function alertVerb<A extends AlertAction>(
  verb: A['verb'],
  change: (turn: ClickTurn, alertId: string, by: Person) => Promise<RunAlert | undefined> | undefined,
): ClickVerb<A> {
  return {
    scope: 'click',
    read(data) {
      const alertId = readAlertId(data);
      return alertId ? ({ verb, alertId } as A) : null;
    },
    handle: (turn, action) =>
      answerAlertClick(turn, (by) => change(turn, action.alertId, by), action.alertId),
  };
}

export const runAlertOnIt = alertVerb<RunAlertOnItAction>('runAlertOnIt', (turn, alertId, by) =>
  turn.services.runAlerts?.watch.takeOn(alertId, by),
);

export const runAlertMute = alertVerb<RunAlertMuteAction>('runAlertMute', (turn, alertId, by) =>
  turn.services.runAlerts?.watch.mute(alertId, by),
);

export const runAlertCase = alertVerb<RunAlertCaseAction>('runAlertCase', openAlertCase);

/**
 * The case goes through the escalation records like any other (card in the support channel, outbox),
 * with the run's codes as findings and the clicker as requester and as the engineer who took it.
 */
async function openAlertCase(turn: ClickTurn, alertId: string, by: Person): Promise<RunAlert | undefined> {
  const { desk, runAlerts } = turn.services;
  if (!desk || !runAlerts) return undefined;
  const alert = await runAlerts.watch.store.get(alertId);
  if (!alert || alert.caseId) return alert;
  const lang = runAlerts.lang;
  const description = t(lang, 'runAlert.title', {
    ma: alert.maName ?? '?',
    profile: alert.first.profile ?? '?',
    result: alert.result,
  }).slice(0, MAX_DESCRIPTION);
  const input: CaseInput = {
    requester: requesterOf(turn.context.activity),
    lang,
    description,
    impact: 'one-ma-failing',
    findings: findingsOfAlert(alert),
    steps: [],
    userMessages: [],
  };
  // Support opens it for the run, not for themselves: the requester's daily cap does not apply.
  const { case: opened } = await desk.openCase(input, alertSubmissionId(alertId), { uncapped: true });
  await desk.cases.take(opened.id, by);
  return runAlerts.watch.linkCase(alertId, opened.id);
}

/**
 * Any member of the support channel, or of a channel that watches runs, may act on an alert; a click
 * from anywhere else changes nothing. The clicker sees the new card at once, everyone else through the outbox.
 */
async function answerAlertClick(
  turn: ClickTurn,
  change: (by: Person) => Promise<RunAlert | undefined> | undefined,
  alertId: string,
): Promise<void> {
  const { desk, runAlerts } = turn.services;
  const activity = turn.context.activity;
  const support = desk ? await desk.supportChannel() : null;
  const watching = runAlerts ? await runAlerts.watch.channels.list() : [];
  const fromAlertChannel =
    (support !== null && isFromChannel(activity, support)) ||
    watching.some((c) => isFromChannel(activity, c));
  if (!runAlerts || !fromAlertChannel) {
    turn.out.note = { text: t(turn.lang, 'reply.runAlert.notSupport') };
    return;
  }
  const from = activity.from;
  const alert = await change({ id: from?.id ?? '', name: from?.name ?? '' });
  const watch = alert ? await runAlerts.watch.store.watchOf(alertId) : undefined;
  if (!alert || !watch) {
    turn.out.note = { text: t(turn.lang, 'reply.runAlert.notFound') };
    return;
  }
  turn.out.replace = {
    card: expandCard('run-alert', runAlertView(alert, watch, runAlerts.lang, Date.now())),
    everyone: false,
  };
  turn.out.note = 'done';
}
