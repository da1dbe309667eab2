/**
 * Channels that watch runs besides the support channel ("watch runs here [for <MA>, <MA>]"): one CAS
 * document listing them, each with the MAs it wants (none listed: all of them).
 */
import { createHash } from 'node:crypto';
import { updateDoc, type CasOptions } from '../escalation/cas';
import { readDoc, type KeyValueStore } from '../escalation/store';
import type { Person } from './watch-store';

export interface ChannelTarget {
  channelId: string;
  serviceUrl: string;
  tenantId: string;
}

export interface WatchChannel extends ChannelTarget {
  /** Names the channel in delivery keys and card locations (a digest of the channel id). */
  key: string;
  /** MA names as typed, compared without case; null: every MA. */
  mas: string[] | null;
  addedBy: Person;
  addedAt: string;
}

interface ChannelList {
  channels: WatchChannel[];
}

/** The support channel's key among the targets. */
export const SUPPORT_TARGET = 'support';
/** More would make every failure a burst of posts; a team that needs more has a process problem. */
export const MAX_WATCH_CHANNELS = 20;
export const MAX_WATCHED_MAS = 20;

export function channelKeyOf(channelId: string): string {
  return `c${createHash('sha256').update(channelId, 'utf8').digest('hex').slice(0, 12)}`;
}

/** Whether a channel wants the alerts of this MA. */
export function watches(channel: Pick<WatchChannel, 'mas'>, maName: string | null): boolean {
  if (channel.mas === null) return true;
  const name = (maName ?? '').toLowerCase();
  return channel.mas.some((ma) => ma.toLowerCase() === name);
}

export type WatchResult = 'added' | 'updated' | 'too-many';

export class WatchChannels {
  private readonly key: string;

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: { keyPrefix?: string; cas?: CasOptions; clock?: () => number } = {},
  ) {
    this.key = `${options.keyPrefix ?? 'runwatch'}/channels`;
  }

  async list(): Promise<WatchChannel[]> {
    return (await readDoc<ChannelList>(this.store, this.key))?.value.channels ?? [];
  }

  async find(channelId: string): Promise<WatchChannel | undefined> {
    return (await this.list()).find((c) => c.channelId === channelId);
  }

  /** Watches from this channel; again from the same channel replaces its MA list. */
  add(target: ChannelTarget, mas: readonly string[] | null, by: Person): Promise<WatchResult> {
    const now = new Date((this.options.clock ?? Date.now)()).toISOString();
    return updateDoc<ChannelList, WatchResult>(
      this.store,
      this.key,
      () => ({ channels: [] }),
      (list) => {
        const known = list.channels.some((c) => c.channelId === target.channelId);
        if (!known && list.channels.length >= MAX_WATCH_CHANNELS) return { keep: true, result: 'too-many' };
        const channel: WatchChannel = {
          ...target,
          key: channelKeyOf(target.channelId),
          mas: mas && mas.length > 0 ? [...mas] : null,
          addedBy: by,
          addedAt: now,
        };
        const others = list.channels.filter((c) => c.channelId !== target.channelId);
        return { write: { channels: [...others, channel] }, result: known ? 'updated' : 'added' };
      },
      this.options.cas,
    );
  }

  /** False when the channel was not watching. */
  remove(channelId: string): Promise<boolean> {
    return updateDoc<ChannelList, boolean>(
      this.store,
      this.key,
      () => ({ channels: [] }),
      (list) => {
        const others = list.channels.filter((c) => c.channelId !== channelId);
        return others.length === list.channels.length
          ? { keep: true, result: false }
          : { write: { channels: others }, result: true };
      },
      this.options.cas,
    );
  }
}
