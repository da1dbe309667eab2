import * as fs from 'node:fs';
import * as path from 'node:path';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { AppManifestUtils, type AppManifest, TeamsManifestV1D17 } from '@microsoft/app-manifest';

type Manifest = TeamsManifestV1D17.TeamsManifestV1D17;
import { PNG } from 'pngjs';
import {
  MANIFEST_DIR,
  PackageError,
  buildAppPackage,
  fillManifest,
  settingsFromEnv,
} from '../../scripts/app-package';

const SCHEMA_DIR = path.join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@microsoft',
  'app-manifest',
  'build',
  'json-schemas',
  'teams',
  'v1.17',
);
const FAKE_BOT_ID = '00000000-0000-4000-8000-0000000000b1';

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function filledManifest(): Manifest {
  const template = fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(fillManifest(template, settingsFromEnv({ MicrosoftAppId: FAKE_BOT_ID }))) as Manifest;
}

describe('Teams app manifest', () => {
  it('validates against the v1.17 schema offline', async () => {
    // The local schema is passed in, so the validator never fetches one from the web.
    const schema = readJson(path.join(SCHEMA_DIR, 'MicrosoftTeams.schema.json')) as Parameters<
      typeof AppManifestUtils.validateAgainstSchema
    >[1];
    const errors = await AppManifestUtils.validateAgainstSchema(filledManifest(), schema);
    expect(errors).toEqual([]);
  });

  it('is rejected by the same validator when a required field is missing', async () => {
    const schema = readJson(path.join(SCHEMA_DIR, 'MicrosoftTeams.schema.json')) as Parameters<
      typeof AppManifestUtils.validateAgainstSchema
    >[1];
    const broken = { ...filledManifest(), developer: undefined } as unknown as AppManifest;
    expect((await AppManifestUtils.validateAgainstSchema(broken, schema)).length).toBeGreaterThan(0);
  });

  it('offers the bot in personal chat, group chat and teams, with a command list for each scope', () => {
    const [bot] = filledManifest().bots ?? [];
    expect(bot.botId).toBe(FAKE_BOT_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    const scopes = (bot.commandLists ?? []).flatMap((list) => list.scopes).sort();
    expect(scopes).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists ?? []) {
      const titles = list.commands.map((c) => c.title);
      expect(titles).toEqual(
        expect.arrayContaining(['help', 'diagnose', 'status <code>', 'version <build>']),
      );
    }
  });

  it('has a Danish localisation that validates and covers every command', () => {
    // The schema's patterns are not valid as unicode regular expressions.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(
      readJson(path.join(SCHEMA_DIR, 'MicrosoftTeams.Localization.schema.json')) as object,
    );
    const da = readJson(path.join(MANIFEST_DIR, 'da.json')) as Record<string, string>;
    validate(da);
    expect(validate.errors ?? []).toEqual([]);
    const [bot] = filledManifest().bots ?? [];
    (bot.commandLists ?? []).forEach((list, i) =>
      list.commands.forEach((_, j) => {
        expect(da[`bots[0].commandLists[${i}].commands[${j}].title`]).toBeTruthy();
        expect(da[`bots[0].commandLists[${i}].commands[${j}].description`]).toBeTruthy();
      }),
    );
    (filledManifest().composeExtensions ?? []).forEach((extension, i) =>
      (extension.commands ?? []).forEach((command, j) => {
        expect(da[`composeExtensions[${i}].commands[${j}].title`]).toBeTruthy();
        (command.parameters ?? []).forEach((_, k) =>
          expect(da[`composeExtensions[${i}].commands[${j}].parameters[${k}].title`]).toBeTruthy(),
        );
      }),
    );
    expect(filledManifest().localizationInfo?.additionalLanguages).toEqual([
      { languageTag: 'da-dk', file: 'da.json' },
    ]);
  });
});

describe('app icons', () => {
  function png(name: string): PNG {
    return PNG.sync.read(fs.readFileSync(path.join(MANIFEST_DIR, name)));
  }

  it('has a 192x192 colour icon with no transparent pixels', () => {
    const icon = png('color.png');
    expect([icon.width, icon.height]).toEqual([192, 192]);
    let seeThrough = 0;
    for (let i = 3; i < icon.data.length; i += 4) if (icon.data[i] !== 255) seeThrough++;
    expect(seeThrough).toBe(0);
  });

  it('has a 32x32 outline icon that is white on a transparent background', () => {
    const icon = png('outline.png');
    expect([icon.width, icon.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < icon.data.length; i += 4) {
      const [r, g, b, a] = icon.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else throw new Error(`pixel ${i / 4} is neither transparent nor white`);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
  });
});

describe('npm run package', () => {
  it('needs the bot id', () => {
    expect(() => settingsFromEnv({})).toThrow(PackageError);
    expect(() => settingsFromEnv({ MicrosoftAppId: 'not-a-guid' })).toThrow(/MicrosoftAppId/);
  });

  it('lets every other value be overridden', () => {
    const settings = settingsFromEnv({
      MicrosoftAppId: FAKE_BOT_ID,
      APP_VERSION: '2.0.1',
      APP_DEVELOPER_NAME: 'Contoso IAM',
      APP_PRIVACY_URL: 'https://contoso.example/privacy',
    });
    expect(settings).toMatchObject({
      APP_VERSION: '2.0.1',
      DEVELOPER_NAME: 'Contoso IAM',
      TEAMS_APP_ID: FAKE_BOT_ID,
    });
    expect(settings.PRIVACY_URL).toBe('https://contoso.example/privacy');
  });

  it('refuses to build with a placeholder left over', () => {
    const settings = settingsFromEnv({ MicrosoftAppId: FAKE_BOT_ID });
    expect(() => fillManifest('{"id":"{{TEAMS_APP_ID}}","x":"{{SOMETHING_ELSE}}"}', settings)).toThrow(
      /\{\{SOMETHING_ELSE\}\}/,
    );
  });

  it('writes a zip with the manifest, the Danish file and both icons at its root', () => {
    const zip = new AdmZip(buildAppPackage(settingsFromEnv({ MicrosoftAppId: FAKE_BOT_ID })));
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'da.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as Manifest;
    expect(manifest.bots?.[0].botId).toBe(FAKE_BOT_ID);
  });
});
