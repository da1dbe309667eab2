import { callsiteOf, EXTENSION_INTERFACES } from '../../../src/diagnosis/readers/extension-entry-points';

describe('callsiteOf', () => {
  it.each([
    ['IMASynchronization', 'MapAttributesForImport', 'import-flow', 'ma-extension'],
    ['IMASynchronization', 'MapAttributesForExport', 'export-flow', 'ma-extension'],
    ['IMASynchronization', 'Initialize', 'initialize', 'ma-extension'],
    ['IMVSynchronization', 'Initialize', 'initialize', 'mv-extension'],
    ['IMVSynchronization', 'Provision', 'provisioning', 'mv-extension'],
    ['IMVSynchronization', 'ShouldDeleteFromMV', 'mv-deletion', 'mv-extension'],
    ['IMAExtensible2CallImport', 'GetImportEntries', 'connector-import', 'ecma2-connector'],
    ['IMAExtensible2CallExport', 'PutExportEntries', 'connector-export', 'ecma2-connector'],
    ['IMAExtensible2GetSchema', 'GetSchema', 'connector-schema', 'ecma2-connector'],
    ['IMAExtensible2Password', 'ChangePassword', 'connector-password', 'ecma2-connector'],
    ['IMAExtensibleCallExport', 'ExportEntry', 'connector-export', 'ecma1-connector'],
  ])('%s.%s -> %s', (iface, method, callsite, kind) => {
    expect(callsiteOf(`Microsoft.MetadirectoryServices.${iface}`, method, false)).toEqual({
      callsite,
      kind,
      interfaceName: iface,
    });
  });

  it('generic method names count only in the customer code; distinctive connector names anywhere', () => {
    expect(callsiteOf(null, 'Initialize', false)).toBeNull();
    expect(callsiteOf(null, 'Initialize', true)).toEqual({
      callsite: 'initialize',
      kind: null,
      interfaceName: null,
    });
    expect(callsiteOf(null, 'Provision', false)).toBeNull();
    expect(callsiteOf(null, 'GetImportEntries', false)).toMatchObject({ callsite: 'connector-import' });
    expect(callsiteOf(null, 'ToString', true)).toBeNull();
  });

  it('every interface row maps at least one method', () => {
    for (const row of Object.values(EXTENSION_INTERFACES))
      expect(Object.keys(row.methods).length).toBeGreaterThan(0);
  });
});
