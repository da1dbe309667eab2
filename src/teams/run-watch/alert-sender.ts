import type { ClaimedDelivery, Send, SendResult } from '../../escalation';
import { isRecord } from '../../lib/is-record';
import type { SupportMention } from '../../config/escalation';
import type { Logger } from '../../logger';
import { SUPPORT_TARGET } from '../../run-watch/watch-channels';
import {
  cardTarget,
  DeliveryError,
  postChannelCard,
  updateChannelCard,
  type ProactiveAdapter,
} from '../escalation/deliveries';
import { threadRootOf } from '../escalation/support-channel';
import { expandCard } from '../views/cards';
import { runAlertView } from '../views/run-alert-view';
import type { RunAlerts } from './run-alerts';

export interface AlertSenderOptions {
  adapter: ProactiveAdapter;
  botAppId: string;
  alerts: RunAlerts;
  /** SUPPORT_MENTION_IDS: @mentioned on the first post in the support channel, never on updates. */
  mentions?: readonly SupportMention[];
  logger: Logger;
  clock?: () => number;
}

/**
 * The outbox's send function for run alerts: posts the alert card as a new thread in the support
 * channel, and replaces it in place on every later version. The card is drawn from the stored alert
 * at send time, so a late or repeated update shows the alert as it is now.
 */
export function createAlertSender(options: AlertSenderOptions): Send {
  const { adapter, botAppId, logger } = options;
  const { watch, lang } = options.alerts;
  const clock = options.clock ?? Date.now;

  async function post(d: ClaimedDelivery): Promise<SendResult | void> {
    const target = targetOf(d.payload);
    // Tags and people belong to the support team: other channels get the card without mentions.
    const found = await load(d.caseId, target === SUPPORT_TARGET ? (options.mentions ?? []) : []);
    if (!found) return;
    const { alert, card } = found;
    // A post that went out (its completion lost, or the outbox item purged since) is never made twice.
    const posted = alert.cards[target];
    if (posted?.activityId) return { ...posted };
    const conversationId = await postChannelCard(adapter, botAppId, cardTarget(d.target), card);
    const where = { activityId: threadRootOf(conversationId), conversationId };
    try {
      await watch.store.setCard(alert.id, target, where);
    } catch (err) {
      logger.warn({ err, alertId: alert.id }, 'run alert posted, but its location could not be stored');
    }
    return where;
  }

  async function update(d: ClaimedDelivery): Promise<SendResult | void> {
    const found = await load(d.caseId);
    if (!found) return;
    const { alert, card } = found;
    const where = alert.cards[targetOf(d.payload)];
    if (!where?.activityId || !where.conversationId) {
      throw DeliveryError.permanent(
        `Run alert ${alert.id} was never posted, so it cannot be updated.`,
        'NoAlertCard',
      );
    }
    const location = { activityId: where.activityId, conversationId: where.conversationId };
    await updateChannelCard(adapter, botAppId, cardTarget(d.target), location, card);
    return location;
  }

  async function load(alertId: string, mentions: readonly SupportMention[] = []) {
    const watched = await watch.store.watchOf(alertId);
    const alert = watched?.alerts.find((a) => a.id === alertId);
    // Dropped (an old alert beyond the per-MA limit): nothing left to show.
    if (!watched || !alert) return null;
    return { alert, card: expandCard('run-alert', runAlertView(alert, watched, lang, clock(), mentions)) };
  }

  function targetOf(payload: unknown): string {
    return isRecord(payload) && typeof payload.target === 'string' ? payload.target : SUPPORT_TARGET;
  }

  return async (d) => {
    if (d.kind === 'run-alert-card') return post(d);
    if (d.kind === 'run-alert-update') return update(d);
    throw DeliveryError.permanent(`Not a run alert delivery: ${d.kind}.`, 'WrongSender');
  };
}
