/** The escalation core: cases, their store, redaction, the outbox and feedback. No botbuilder here. */
export * from './case';
export * from './case-store';
export * from './case-limit';
export * from './case-figures';
export * from './cas';
export * from './advice-log';
export * from './feedback';
export * from './delivery';
export * from './outbox';
export * from './outbox-runner';
export * from './redact';
export * from './retry-policy';
export * from './store';
export * from './summary';
export * from './turn-figures';
export { digest, type Ledger, type LedgerEntry } from './ledger';
