import type { Localized } from '../types';

/** What an exception in a pasted stack trace usually means for a MIM Sync admin. Keys are lower-case. */
export const EXCEPTION_MEANINGS: Readonly<Record<string, Localized>> = {
  objectalreadyexistsexception: {
    en: 'Provisioning code tried to create a connector that already exists: the object should have joined instead. Check the join rules and whether the join attribute has a value.',
    da: 'Provisioneringskoden forsøgte at oprette en connector, der allerede findes: objektet skulle have været joinet i stedet. Tjek join-reglerne, og om join-attributten har en værdi.',
  },
  nullreferenceexception: {
    en: 'The extension read an attribute or object that was not there. Test IsPresent before reading attribute values.',
    da: 'Extension læste en attribut eller et objekt, der ikke fandtes. Test IsPresent, før attributværdier læses.',
  },
  keynotfoundexception: {
    en: 'The code looked up a key that is missing (an attribute, a dictionary entry, a configuration value). The stack names the lookup.',
    da: 'Koden slog en nøgle op, der mangler (en attribut, en post i en ordbog, en konfigurationsværdi). Stakken viser opslaget.',
  },
  unexpecteddataexception: {
    en: 'The extension signalled on purpose that a value was not what it expected; the run status is stopped-unexpected-data or extension-unexpected-attribute-value.',
    da: 'Extension meldte med vilje, at en værdi ikke var som forventet; run status er stopped-unexpected-data eller extension-unexpected-attribute-value.',
  },
  entrypointnotimplementedexception: {
    en: 'The engine called an extension method that the DLL does not implement, for example a flow rule name that the code does not handle.',
    da: 'Motoren kaldte en extension-metode, som DLL-filen ikke implementerer, f.eks. et flow rule-navn, som koden ikke håndterer.',
  },
  extensibleextensionexception: {
    en: 'An ECMA connector reported a failure; the message after the exception name is the connector’s own explanation.',
    da: 'En ECMA-connector meldte en fejl; teksten efter undtagelsens navn er connectorens egen forklaring.',
  },
  invalidcastexception: {
    en: 'The code treated an attribute value as the wrong type (for example a reference as a string). Check the attribute types in the schema.',
    da: 'Koden behandlede en attributværdi som den forkerte type (f.eks. en reference som tekst). Tjek attributtyperne i skemaet.',
  },
  serverdownexception: {
    en: 'The connector could not reach the connected system; the run ends as stopped-server-down.',
    da: 'Connectoren kunne ikke nå det tilsluttede system; kørslen ender som stopped-server-down.',
  },
  badservercredentialsexception: {
    en: 'The connected system rejected the MA account; the run ends as stopped-bad-server-credentials.',
    da: 'Det tilsluttede system afviste MA-kontoen; kørslen ender som stopped-bad-server-credentials.',
  },
  endpointnotfoundexception: {
    en: 'The FIM Service MA could not reach the MIM Service web service (port 5725); check that the service runs and the address is right.',
    da: 'FIM Service MA kunne ikke nå MIM Service-webtjenesten (port 5725); tjek, at tjenesten kører, og at adressen er rigtig.',
  },
  invalidrepresentationexception: {
    en: 'The MIM Service refused the object the FIM Service MA sent, often because a unique value already exists (ValueViolatesUniqueness).',
    da: 'MIM Service afviste objektet fra FIM Service MA, ofte fordi en unik værdi allerede findes (ValueViolatesUniqueness).',
  },
};
