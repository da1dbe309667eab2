import type { DocLink } from '../types';

/**
 * Pages that cover a recognised code better than the step's own page (shared/knowledge/
 * links-and-facts.md): maerrorcodes lists object-level errors only, so run statuses and event IDs
 * need pages of their own. A card carries the step's page and, where one exists, the code's.
 */
export const RUN_STATUS_DOC: DocLink = {
  url: 'https://learn.microsoft.com/en-us/previous-versions/windows/desktop/forefront-2010/ms699322(v=vs.100)',
  title: {
    en: 'WMI Provider Return Strings (run statuses)',
    da: 'WMI Provider Return Strings (run-statusser)',
  },
};

export const OBJECT_ERROR_DOCS: Readonly<Record<string, DocLink>> = {
  'sync-rule-flow-provisioning-failed': {
    url: 'https://qa.social.technet.microsoft.com/wiki/contents/articles/2253.troubleshooting-sync-rule-flow-provisioning-failed-an-object-with-dn-already-exists-in-management-agent.aspx',
    title: {
      en: 'Troubleshooting sync-rule-flow-provisioning-failed',
      da: 'Fejlfinding af sync-rule-flow-provisioning-failed',
    },
  },
};

export const EVENT_DOCS: Readonly<Record<number, DocLink>> = {
  6301: {
    url: 'https://learn.microsoft.com/en-us/archive/technet-wiki/4965.mim-synchronization-troubleshooting-event-id-6301-export-flow-failed-0x80230304',
    title: { en: 'Troubleshooting event 6301', da: 'Fejlfinding af hændelse 6301' },
  },
  6152: {
    url: 'https://qa.social.technet.microsoft.com/wiki/contents/articles/17550.troubleshooting-fim-event-id-6152-stopped-extension-dll-load.aspx',
    title: { en: 'Troubleshooting event 6152', da: 'Fejlfinding af hændelse 6152' },
  },
  6947: {
    url: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/reference/microsoft-identity-manager-2016-connector-version-history#troubleshooting',
    title: {
      en: 'Connector version history: troubleshooting',
      da: 'Connector-versionshistorik: fejlfinding',
    },
  },
};

/** The general PCNS troubleshooting page, for the PCNS events that are not the 6025 step. */
export const PCNS_GENERAL_DOC: DocLink = {
  url: 'https://learn.microsoft.com/en-us/archive/technet-wiki/1597.troubleshooting-pcns',
  title: { en: 'Troubleshooting PCNS', da: 'Fejlfinding af PCNS' },
};
