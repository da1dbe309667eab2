import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUN_WATCH_HEADERS, SIGNATURE_PREFIX } from '../../src/run-watch/signature';
import { parsePowerShell, powerShell7Constructs, syntaxProblems } from '../helpers/powershell-grammar';

/**
 * The agent cannot run here (no Windows, no MIM): its source is parsed with a PowerShell grammar and
 * checked for what Windows PowerShell 5.1 would reject, and for the request the bot expects.
 */

const SCRIPT = fs.readFileSync(path.join(__dirname, '..', '..', 'agent', 'Send-MimRuns.ps1'), 'utf8');

describe('the PowerShell 7 check itself', () => {
  it.each([
    ['??', '$a = $b ?? 1'],
    ['?.', '$a = $b?.Name'],
    ['the ternary operator', '$a = $ok ? 1 : 2'],
    ['&&', 'Get-Item a && Get-Item b'],
    ['||', 'Get-Item a || Write-Warning no'],
    ['ForEach-Object -Parallel', '1..3 | ForEach-Object -Parallel { $_ }'],
  ])('finds %s', async (_what, source) => {
    const root = await parsePowerShell(source);
    expect([...syntaxProblems(root), ...powerShell7Constructs(root)]).not.toEqual([]);
  });

  it('passes PowerShell 5.1 code, with "?" and "&&" only inside strings and comments', async () => {
    const root = await parsePowerShell(
      "# a && b ?? c\n$x = 'is it ?? or && ?'\nGet-Item $x | Where-Object { $_ }\n",
    );
    expect(syntaxProblems(root)).toEqual([]);
    expect(powerShell7Constructs(root)).toEqual([]);
  });
});

describe('agent/Send-MimRuns.ps1', () => {
  it('parses without ERROR or MISSING nodes', async () => {
    expect(syntaxProblems(await parsePowerShell(SCRIPT))).toEqual([]);
  });

  it('uses nothing that Windows PowerShell 5.1 lacks', async () => {
    expect(powerShell7Constructs(await parsePowerShell(SCRIPT))).toEqual([]);
  });

  it('sends the three headers the bot reads, UTF-8 XML, to /api/runs', () => {
    for (const header of Object.values(RUN_WATCH_HEADERS))
      expect(SCRIPT.toLowerCase()).toContain(`'${header}'`);
    expect(SCRIPT).toContain("ContentType     = 'application/xml; charset=utf-8'");
    expect(SCRIPT).toContain("'/api/runs'");
    // UTF-8 without a BOM, for the body and the signed bytes alike.
    expect(SCRIPT).toContain('New-Object System.Text.UTF8Encoding $false');
    expect(SCRIPT).toMatch(/-Body \$Utf8\.GetBytes\(\$xml\)/);
  });

  it('signs "<timestamp>." followed by the body bytes with HMAC-SHA256, as lower-case hex after sha256=', () => {
    expect(SCRIPT).toContain('System.Security.Cryptography.HMACSHA256');
    expect(SCRIPT).toContain("$Utf8.GetBytes([string]$Timestamp + '.')");
    expect(SCRIPT).toMatch(/\[Array\]::Copy\(\$Body, 0, \$data, \$prefix\.Length, \$Body\.Length\)/);
    expect(SCRIPT).toContain("ToString('x2')");
    expect(SCRIPT).toContain(`'${SIGNATURE_PREFIX}'`);
  });

  it('forces TLS 1.2, reads the runs from MIIS_RunHistory and moves the cursor only after a 202', () => {
    expect(SCRIPT).toContain('[Net.SecurityProtocolType]::Tls12');
    expect(SCRIPT).toContain(
      "-Namespace 'root\\MicrosoftIdentityIntegrationServer' -ClassName 'MIIS_RunHistory'",
    );
    const afterCheck = SCRIPT.indexOf('if ($status -ne 202)');
    const cursorMove = SCRIPT.indexOf('Set-Content -LiteralPath $CursorFile -Value $run.RunEndTime');
    expect(afterCheck).toBeGreaterThan(0);
    expect(cursorMove).toBeGreaterThan(afterCheck);
  });
});
