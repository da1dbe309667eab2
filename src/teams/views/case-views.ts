import type { SupportMention } from '../../config/escalation';
import type { Owned } from '../actions/verb';
import { getStep } from '../../diagnosis/knowledge/steps';
import { CONNECTOR_IDS, type Lang } from '../../diagnosis/types';
import {
  IMPACTS,
  type EscalationCase,
  type CaseFigures,
  type TurnPeriod,
  type Counts,
  type FeedbackStats,
  type FindingsSummary,
  type StepShown,
} from '../../escalation';
import { t, type StringKey } from '../../i18n';
import { when } from '../../i18n/dates';
import type {
  ButtonView,
  CaseCardView,
  CaseFormView,
  FactView,
  ListItemView,
  ListView,
  MentionView,
  MessageView,
} from './card-views';
import { shownAsText } from '../../lib/shown-as-text';
import { messageView } from './message-views';
import type { SupportStats } from '../escalation/desk';

/** Lists show this many cases; more would make a card nobody reads (and approach the size limit). */
export const MAX_LISTED = 20;
/** The support card quotes this many of the user's last messages. */
const MAX_TRANSCRIPT_LINES = 6;

const CONNECTOR_KEYS = new Set<string>(CONNECTOR_IDS);

function connectorName(id: string, lang: Lang): string {
  return CONNECTOR_KEYS.has(id) ? t(lang, `connector.${id}` as StringKey) : id;
}

/** What was recognised, as card facts; codes stay as MIM shows them. */
function findingFacts(f: FindingsSummary, lang: Lang): FactView[] {
  const rows: [StringKey, string][] = [
    ['fact.step', f.stepId ? getStep(f.stepId).title[lang] : ''],
    ['fact.runStatus', f.statusCodes.join(', ')],
    ['fact.objectError', f.objectCodes.join(', ')],
    ['fact.event', f.eventIds.join(', ')],
    ['fact.exception', f.exceptions.join(', ')],
    ['fact.mimBuild', f.mimBuild ?? ''],
    ['fact.connector', f.connector ? connectorName(f.connector, lang) : ''],
    ['fact.connectorBuild', f.connectorBuilds.join(', ')],
  ];
  return rows.filter(([, value]) => value !== '').map(([key, value]) => ({ title: t(lang, key), value }));
}

/** "1. Look up the run error code: still failing" */
function stepLines(steps: readonly StepShown[], lang: Lang): string[] {
  return steps.map((s, i) =>
    t(lang, 'caseForm.stepLine', {
      n: i + 1,
      title: getStep(s.step).title[lang],
      outcome: t(lang, `outcome.${s.outcome}`),
    }),
  );
}

export interface CaseFormInput {
  lang: Lang;
  findings: FindingsSummary;
  steps: readonly StepShown[];
  /** How many of the user's messages go with the case. */
  messageCount: number;
  submissionId: string;
  /** Who the form is for; its button names them so nobody else can send it. */
  owner?: Owned;
}

/** The form asks only for what is missing; the rest is shown so the user sees what support gets. */
export function caseFormView(input: CaseFormInput, submittedCaseId?: string): CaseFormView {
  const { lang } = input;
  const known = findingFacts(input.findings, lang);
  const submitted = submittedCaseId ? t(lang, 'caseForm.submitted', { caseId: submittedCaseId }) : '';
  return {
    title: t(lang, 'caseForm.title'),
    intro: t(lang, 'caseForm.intro'),
    knownLabel: t(lang, 'caseForm.known'),
    known,
    nothingKnown: known.length === 0 ? t(lang, 'caseForm.nothingKnown') : '',
    stepsLabel: t(lang, 'caseForm.steps'),
    steps: stepLines(input.steps, lang),
    transcriptNote: input.messageCount > 0 ? t(lang, 'caseForm.transcript', { n: input.messageCount }) : '',
    descriptionLabel: t(lang, 'caseForm.description.label'),
    descriptionPlaceholder: t(lang, 'caseForm.description.placeholder'),
    descriptionError: t(lang, 'caseForm.description.error'),
    impactLabel: t(lang, 'caseForm.impact.label'),
    impactError: t(lang, 'caseForm.impact.error'),
    impacts: IMPACTS.map((impact) => ({ title: t(lang, `impact.${impact}`), value: impact })),
    buttons: submitted
      ? []
      : [
          {
            title: t(lang, 'caseForm.submit'),
            data: { verb: 'openCase', submissionId: input.submissionId, ...input.owner },
          },
        ],
    submitted,
  };
}

export interface CaseCardOptions {
  /** `support`: the channel's card with mention, note input and buttons; `requester`: read-only. */
  audience: 'support' | 'requester';
  /** Only on the first post: an update must not ping the on-call people again. */
  mentions?: readonly SupportMention[];
  /** Default: the case's own language. */
  lang?: Lang;
}

function statusOf(c: EscalationCase, lang: Lang): Pick<CaseCardView, 'status' | 'statusColor'> {
  switch (c.status) {
    case 'open':
      return { status: t(lang, 'case.status.open'), statusColor: 'Warning' };
    case 'taken':
      return {
        status: t(lang, 'case.status.taken', { name: c.takenBy?.name ?? '', when: when(c.takenAt) }),
        statusColor: 'Accent',
      };
    case 'resolved':
      return {
        status: t(lang, 'case.status.resolved', { name: c.resolvedBy?.name ?? '', when: when(c.resolvedAt) }),
        statusColor: 'Good',
      };
  }
}

/** A person or a Teams tag to @mention on a support card. */
export function mentionView(m: SupportMention): MentionView {
  return {
    name: m.name,
    mentioned: m.type === 'tag' ? { id: m.id, name: m.name, type: 'tag' } : { id: m.id, name: m.name },
  };
}

/** The case card. Buttons carry only the case id: who clicked is read from the activity. */
export function caseCardView(c: EscalationCase, options: CaseCardOptions): CaseCardView {
  const lang = options.lang ?? c.lang;
  const support = options.audience === 'support';
  const mentions = support ? [...(options.mentions ?? [])] : [];
  const take: ButtonView[] =
    support && c.status === 'open'
      ? [{ title: t(lang, 'case.button.take'), data: { verb: 'takeCase', caseId: c.id } }]
      : [];
  const resolve: ButtonView[] =
    support && c.status !== 'resolved'
      ? [{ title: t(lang, 'case.button.resolve'), data: { verb: 'resolveCase', caseId: c.id } }]
      : [];
  return {
    kicker: t(lang, 'case.kicker', { caseId: c.id }),
    title: c.description ? shownAsText(c.description) : t(lang, 'case.untitled', { caseId: c.id }),
    ...statusOf(c, lang),
    mentionText:
      mentions.length > 0
        ? t(lang, 'case.mention', { mentions: mentions.map((m) => `<at>${m.name}</at>`).join(' ') })
        : '',
    mentions: mentions.map(mentionView),
    facts: [
      { title: t(lang, 'case.requester'), value: shownAsText(c.requester.name || c.requester.id) },
      { title: t(lang, 'case.opened'), value: when(c.createdAt) },
      { title: t(lang, 'case.impact'), value: t(lang, `impact.${c.impact}`) },
      { title: t(lang, 'case.language'), value: t(lang, `case.language.${c.lang}`) },
    ],
    recognisedLabel: t(lang, 'case.recognised'),
    recognised: findingFacts(c.findings, lang),
    stepsLabel: t(lang, 'case.steps'),
    steps: stepLines(c.steps, lang),
    transcriptLabel: t(lang, 'case.transcript'),
    transcript: support
      ? c.transcript.slice(-MAX_TRANSCRIPT_LINES).map((line) => `> ${shownAsText(line.text)}`)
      : [],
    resolutionLabel: t(lang, 'case.resolution'),
    resolution: shownAsText(c.resolution ?? ''),
    noteLabel: resolve.length > 0 ? t(lang, 'case.note.label') : '',
    notePlaceholder: t(lang, 'case.note.placeholder'),
    noteError: t(lang, 'case.note.error'),
    takeButtons: take,
    resolveButtons: resolve,
  };
}

/** What a requester is told about their case, proactively. */
export type Notice =
  | { notice: 'posted' }
  | { notice: 'taken' }
  | { notice: 'resolved' }
  | { notice: 'failed'; reason: FailureReason };

export type FailureReason = 'notInChannel' | 'notFound' | 'noChannel' | 'other';
export const FAILURE_REASONS: readonly FailureReason[] = ['notInChannel', 'notFound', 'noChannel', 'other'];

/** The notice as a message card, in the case's language; a failure carries the summary to copy. */
export function noticeView(c: EscalationCase, notice: Notice, summary: string): MessageView {
  const lang = c.lang;
  const caseId = c.id;
  switch (notice.notice) {
    case 'posted':
      return messageView(t(lang, 'notice.posted.title', { caseId }), t(lang, 'notice.posted.text'));
    case 'taken':
      return messageView(
        t(lang, 'notice.taken.title', { caseId }),
        t(lang, 'notice.taken.text', { name: shownAsText(c.takenBy?.name ?? '') }),
      );
    case 'resolved':
      return messageView(
        t(lang, 'notice.resolved.title', { caseId }),
        t(lang, 'notice.resolved.text', {
          name: shownAsText(c.resolvedBy?.name ?? ''),
          note: shownAsText(c.resolution ?? ''),
        }),
      );
    case 'failed':
      return {
        ...messageView(
          t(lang, 'notice.failed.title', { caseId }),
          t(lang, 'notice.failed.text', { reason: t(lang, `failure.${notice.reason}`) }),
        ),
        detail: summary,
      };
  }
}

/** A case in a list: id and description, status, dates; a delivery problem as a warning. */
export function caseListItem(
  c: EscalationCase,
  lang: Lang,
  options: { showRequester: boolean; warning?: string },
): ListItemView {
  const facts: FactView[] = [
    { title: t(lang, 'list.status'), value: t(lang, `status.${c.status}`) },
    { title: t(lang, 'list.opened'), value: when(c.createdAt) },
  ];
  if (options.showRequester)
    facts.push({ title: t(lang, 'list.requester'), value: shownAsText(c.requester.name || c.requester.id) });
  if (c.takenBy)
    facts.push({ title: t(lang, 'list.takenBy'), value: shownAsText(c.takenBy.name || c.takenBy.id) });
  return {
    title: t(lang, 'list.case.title', {
      caseId: c.id,
      description: c.description ? shownAsText(c.description) : '…',
    }),
    facts,
    warning: options.warning ?? '',
  };
}

export function listView(
  title: string,
  empty: string,
  items: ListItemView[],
  total: number,
  lang: Lang,
): ListView {
  const text =
    items.length === 0 ? empty : total > items.length ? t(lang, 'list.more', { n: items.length }) : '';
  return { title, text, items };
}

/** One period of the figures at the top of `stats`. */
function periodItem(
  title: string,
  votes: Counts,
  cases: CaseFigures | undefined,
  turns: TurnPeriod | undefined,
  lang: Lang,
): ListItemView {
  const facts: FactView[] = [];
  if (turns) {
    facts.push({ title: t(lang, 'stats.answered'), value: String(turns.answered) });
    facts.push({ title: t(lang, 'stats.abandoned'), value: String(turns.abandoned) });
  }
  if (cases) {
    facts.push({ title: t(lang, 'stats.escalated'), value: String(cases.opened) });
    facts.push({
      title: t(lang, 'stats.timeToTake'),
      value:
        cases.medianMinutesToTake === null
          ? t(lang, 'stats.noneTaken')
          : t(lang, 'stats.minutes', { n: cases.medianMinutesToTake, taken: cases.taken }),
    });
  }
  facts.push({ title: t(lang, 'stats.resolvedByStep'), value: String(votes.fixed + votes.up) });
  facts.push({
    title: t(lang, 'stats.thumbs'),
    value: t(lang, 'stats.thumbsValue', { up: votes.up, down: votes.down }),
  });
  return { title, facts, warning: '' };
}

/**
 * `stats`: the last 7 and 30 days (questions answered, answers nobody came back to, cases opened,
 * median time to take one, answers that fixed it by "That fixed it" or a thumb up, thumbs), the
 * messages it could not place, then per step how often it fixed things and which codes.
 */
export function statsView(
  stats: FeedbackStats & Partial<Pick<SupportStats, 'cases' | 'turns'>>,
  lang: Lang,
): ListView {
  const { cases, turns } = stats;
  const periods: ListItemView[] =
    stats.steps.length > 0 || (cases?.last30.opened ?? 0) > 0 || (turns?.last30.answered ?? 0) > 0
      ? [
          periodItem(t(lang, 'stats.last7'), stats.last7, cases?.last7, turns?.last7, lang),
          periodItem(t(lang, 'stats.last30'), stats.last30, cases?.last30, turns?.last30, lang),
        ]
      : [];
  const unplaced = turns?.last30.unplaced ?? [];
  if (unplaced.length > 0) {
    periods.push({
      title: t(lang, 'stats.unplaced'),
      facts: unplaced.map((u) => ({ title: String(u.count), value: shownAsText(u.text) })),
      warning: '',
    });
  }
  const steps: ListItemView[] = stats.steps.map((s) => {
    const fixedCodes = s.codes.filter((c) => c.fixed > 0).map((c) => `${c.code} (${c.fixed})`);
    const facts: FactView[] = [
      { title: t(lang, 'advice.button.fixed'), value: String(s.fixed) },
      { title: t(lang, 'advice.button.stillFailing'), value: String(s.stillFailing) },
    ];
    if (fixedCodes.length > 0)
      facts.push({ title: t(lang, 'stats.fixedCodes'), value: fixedCodes.join(', ') });
    if (s.up + s.down > 0)
      facts.push({
        title: t(lang, 'stats.thumbs'),
        value: t(lang, 'stats.thumbsValue', { up: s.up, down: s.down }),
      });
    const comment = s.comments[s.comments.length - 1];
    if (comment) facts.push({ title: t(lang, 'stats.lastComment'), value: shownAsText(comment.text) });
    return { title: getStep(s.step).title[lang], facts, warning: '' };
  });
  const items = [...periods, ...steps];
  return { title: t(lang, 'stats.title'), text: items.length === 0 ? t(lang, 'stats.empty') : '', items };
}
