/**
 * Which MIM call a .NET method is: the rules-extension interfaces map to run-history's
 * extension-callsite values (MapAttributesForImport -> import-flow, ...), the connector interfaces
 * (ECMA2 and the older ECMA1) to the connector's import, export, schema or password call.
 */

export type ExtensionCallsite =
  // extension-callsite values of run history
  | 'initialize'
  | 'connector-filter'
  | 'join-mapping'
  | 'join-resolution'
  | 'projection'
  | 'import-flow'
  | 'export-flow'
  | 'provisioning'
  | 'mv-deletion'
  // no extension-callsite value of their own: the algorithm-step name and the method's name
  | 'deprovisioning'
  | 'terminate'
  // a connector's own calls
  | 'connector-import'
  | 'connector-export'
  | 'connector-schema'
  | 'connector-password'
  | 'connector-capabilities'
  | 'connector-parameters'
  | 'connector-partitions'
  | 'connector-hierarchy';

export type ExtensionKind = 'ma-extension' | 'mv-extension' | 'ecma2-connector' | 'ecma1-connector';

interface InterfaceRow {
  kind: ExtensionKind;
  methods: Readonly<Record<string, ExtensionCallsite>>;
}

/** Interfaces of Microsoft.MetadirectoryServices, by short name. */
export const EXTENSION_INTERFACES: Readonly<Record<string, InterfaceRow>> = {
  IMASynchronization: {
    kind: 'ma-extension',
    methods: {
      Initialize: 'initialize',
      Terminate: 'terminate',
      ShouldProjectToMV: 'projection',
      FilterForDisconnection: 'connector-filter',
      MapAttributesForJoin: 'join-mapping',
      ResolveJoinSearch: 'join-resolution',
      MapAttributesForImport: 'import-flow',
      MapAttributesForExport: 'export-flow',
      Deprovision: 'deprovisioning',
    },
  },
  IMVSynchronization: {
    kind: 'mv-extension',
    methods: {
      Initialize: 'initialize',
      Terminate: 'terminate',
      Provision: 'provisioning',
      ShouldDeleteFromMV: 'mv-deletion',
    },
  },
  IMAExtensible2CallImport: {
    kind: 'ecma2-connector',
    methods: {
      OpenImportConnection: 'connector-import',
      GetImportEntries: 'connector-import',
      CloseImportConnection: 'connector-import',
    },
  },
  IMAExtensible2CallExport: {
    kind: 'ecma2-connector',
    methods: {
      OpenExportConnection: 'connector-export',
      PutExportEntries: 'connector-export',
      CloseExportConnection: 'connector-export',
    },
  },
  IMAExtensible2FileImport: { kind: 'ecma2-connector', methods: { GenerateImportFile: 'connector-import' } },
  IMAExtensible2FileExport: { kind: 'ecma2-connector', methods: { DeliverExportFile: 'connector-export' } },
  IMAExtensible2GetSchema: { kind: 'ecma2-connector', methods: { GetSchema: 'connector-schema' } },
  IMAExtensible2Password: {
    kind: 'ecma2-connector',
    methods: {
      OpenPasswordConnection: 'connector-password',
      ClosePasswordConnection: 'connector-password',
      GetConnectionSecurityLevel: 'connector-password',
      SetPassword: 'connector-password',
      ChangePassword: 'connector-password',
    },
  },
  IMAExtensible2GetCapabilities: {
    kind: 'ecma2-connector',
    methods: { get_Capabilities: 'connector-capabilities' },
  },
  IMAExtensible2GetCapabilitiesEx: {
    kind: 'ecma2-connector',
    methods: { GetCapabilitiesEx: 'connector-capabilities' },
  },
  IMAExtensible2GetParameters: {
    kind: 'ecma2-connector',
    methods: {
      GetConfigParameters: 'connector-parameters',
      ValidateConfigParameters: 'connector-parameters',
    },
  },
  IMAExtensible2GetParametersEx: {
    kind: 'ecma2-connector',
    methods: { GetConfigParametersEx: 'connector-parameters' },
  },
  IMAExtensible2GetPartitions: {
    kind: 'ecma2-connector',
    methods: { GetPartitions: 'connector-partitions' },
  },
  IMAExtensible2GetHierarchy: { kind: 'ecma2-connector', methods: { GetHierarchy: 'connector-hierarchy' } },
  IMAExtensibleFileImport: { kind: 'ecma1-connector', methods: { GenerateImportFile: 'connector-import' } },
  IMAExtensibleFileExport: { kind: 'ecma1-connector', methods: { DeliverExportFile: 'connector-export' } },
  IMAExtensibleCallExport: {
    kind: 'ecma1-connector',
    methods: {
      BeginExport: 'connector-export',
      ExportEntry: 'connector-export',
      EndExport: 'connector-export',
    },
  },
  IMAExtensiblePasswordManagement: {
    kind: 'ecma1-connector',
    methods: {
      BeginConnectionToServer: 'connector-password',
      EndConnectionToServer: 'connector-password',
      GetConnectionSecurityLevel: 'connector-password',
      SetPassword: 'connector-password',
      ChangePassword: 'connector-password',
    },
  },
};

/**
 * Implicit implementations show only the method name. Names this distinctive are mapped from any frame
 * (a connector host may be Microsoft's own); generic names such as Initialize or GetSchema only from
 * the customer's code, where they are almost always the interface method.
 */
const DISTINCTIVE: Readonly<Record<string, { callsite: ExtensionCallsite; kind: ExtensionKind }>> = {
  GetImportEntries: { callsite: 'connector-import', kind: 'ecma2-connector' },
  OpenImportConnection: { callsite: 'connector-import', kind: 'ecma2-connector' },
  CloseImportConnection: { callsite: 'connector-import', kind: 'ecma2-connector' },
  PutExportEntries: { callsite: 'connector-export', kind: 'ecma2-connector' },
  OpenExportConnection: { callsite: 'connector-export', kind: 'ecma2-connector' },
  CloseExportConnection: { callsite: 'connector-export', kind: 'ecma2-connector' },
  OpenPasswordConnection: { callsite: 'connector-password', kind: 'ecma2-connector' },
  ClosePasswordConnection: { callsite: 'connector-password', kind: 'ecma2-connector' },
  GetConfigParameters: { callsite: 'connector-parameters', kind: 'ecma2-connector' },
  ValidateConfigParameters: { callsite: 'connector-parameters', kind: 'ecma2-connector' },
};

const CUSTOMER_ONLY: Readonly<Record<string, { callsite: ExtensionCallsite; kind: ExtensionKind }>> = {
  MapAttributesForImport: { callsite: 'import-flow', kind: 'ma-extension' },
  MapAttributesForExport: { callsite: 'export-flow', kind: 'ma-extension' },
  MapAttributesForJoin: { callsite: 'join-mapping', kind: 'ma-extension' },
  ResolveJoinSearch: { callsite: 'join-resolution', kind: 'ma-extension' },
  FilterForDisconnection: { callsite: 'connector-filter', kind: 'ma-extension' },
  ShouldProjectToMV: { callsite: 'projection', kind: 'ma-extension' },
  Deprovision: { callsite: 'deprovisioning', kind: 'ma-extension' },
  Provision: { callsite: 'provisioning', kind: 'mv-extension' },
  ShouldDeleteFromMV: { callsite: 'mv-deletion', kind: 'mv-extension' },
  Initialize: { callsite: 'initialize', kind: 'ma-extension' },
  GetSchema: { callsite: 'connector-schema', kind: 'ecma2-connector' },
  GenerateImportFile: { callsite: 'connector-import', kind: 'ecma2-connector' },
  DeliverExportFile: { callsite: 'connector-export', kind: 'ecma2-connector' },
};

export interface CallsiteMatch {
  callsite: ExtensionCallsite;
  /** null when the kind was inferred from a method name shared by MA and MV extensions (Initialize). */
  kind: ExtensionKind | null;
  /** Short interface name when the frame names it (an explicit implementation). */
  interfaceName: string | null;
}

export function callsiteOf(
  interfaceName: string | null,
  method: string,
  customerFrame: boolean,
): CallsiteMatch | null {
  // A lambda inside the method is named <Method>b__0; the method is what MIM called.
  const name = /^<([^>]+)>/.exec(method)?.[1] ?? method.replace(/\[.*\]$/, '');
  if (interfaceName !== null) {
    const short = interfaceName.slice(interfaceName.lastIndexOf('.') + 1);
    const row = EXTENSION_INTERFACES[short];
    const callsite = row?.methods[name];
    if (row && callsite) return { callsite, kind: row.kind, interfaceName: short };
  }
  const distinctive = DISTINCTIVE[name];
  if (distinctive) return { ...distinctive, interfaceName: null };
  const generic = customerFrame ? CUSTOMER_ONLY[name] : undefined;
  if (generic)
    return {
      callsite: generic.callsite,
      kind: name === 'Initialize' ? null : generic.kind,
      interfaceName: null,
    };
  return null;
}
