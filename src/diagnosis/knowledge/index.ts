import type { ConnectorBuild, EventIdInfo, MimBuild, ObjectError, RunStatus } from '../types';
import { CONNECTOR_BUILDS } from './connector-builds';
import { EVENT_IDS } from './event-ids';
import { MIM_BUILDS } from './mim-builds';
import { OBJECT_ERRORS } from './object-errors';
import { RUN_STATUSES } from './run-statuses';

export { CONNECTOR_BUILDS, CONNECTOR_DOWNLOAD_URL } from './connector-builds';
export { EVENT_IDS } from './event-ids';
export {
  KNOWN_ISSUES,
  MIM_BUILDS,
  MIM_SUPPORT,
  SP2_DIRECT_UPGRADE_MINIMUM,
  SP3_UPGRADE_BASELINE,
  type KnownIssue,
  type SupportFact,
} from './mim-builds';
export { OBJECT_ERRORS } from './object-errors';
export { RUN_STATUSES } from './run-statuses';
export { STEPS, getStep } from './steps';

function indexBy<K, V>(rows: readonly V[], key: (row: V) => K): ReadonlyMap<K, V> {
  return new Map(rows.map((row) => [key(row), row]));
}

const RUN_STATUS_BY_CODE = indexBy(RUN_STATUSES, (r: RunStatus) => r.code);
const OBJECT_ERROR_BY_CODE = indexBy(OBJECT_ERRORS, (r: ObjectError) => r.code);
const EVENT_BY_ID = indexBy(EVENT_IDS, (r: EventIdInfo) => r.id);
const MIM_BUILD_BY_BUILD = indexBy(MIM_BUILDS, (r: MimBuild) => r.build);
const CONNECTOR_BUILD_BY_BUILD = indexBy(CONNECTOR_BUILDS, (r: ConnectorBuild) => r.build);

/** Codes are matched case-insensitively, since admins retype them by hand. */
export function getRunStatus(code: string): RunStatus | undefined {
  return RUN_STATUS_BY_CODE.get(code.trim().toLowerCase());
}

export function getObjectError(code: string): ObjectError | undefined {
  return OBJECT_ERROR_BY_CODE.get(code.trim().toLowerCase());
}

export function getEventId(id: number): EventIdInfo | undefined {
  return EVENT_BY_ID.get(id);
}

export function getMimBuild(build: string): MimBuild | undefined {
  return MIM_BUILD_BY_BUILD.get(build.trim());
}

export function getConnectorBuild(build: string): ConnectorBuild | undefined {
  return CONNECTOR_BUILD_BY_BUILD.get(build.trim());
}
