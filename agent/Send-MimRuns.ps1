<#
.SYNOPSIS
  Sends the MIM Synchronization Service runs that ended since the last start to MIM Sync Doctor.

.DESCRIPTION
  Meant for a scheduled task on the Sync server, every 5 minutes, under an account in the Sync
  browse group (FIMSyncBrowse / MIISBrowse). Each run's RunDetails() XML is posted to the bot's
  POST /api/runs, signed with this server's key. The cursor (the end time, UTC, of the last run the
  bot accepted) is kept in cursor.txt beside this script and moves only after a 202; on a 429 or any
  failure the script stops, and the next start sends the same runs again (the bot takes repeats as
  duplicates). Windows PowerShell 5.1; no PowerShell 7 syntax.

.EXAMPLE
  .\Send-MimRuns.ps1 -Url https://bot.example.com -KeyId mim-sync-01 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [Parameter(Mandatory = $true)] [string] $Url,
  [Parameter(Mandatory = $true)] [string] $KeyId,
  # The key's secret, encrypted for the task's account with DPAPI (see agent/README.md).
  [string] $SecretFile = (Join-Path $PSScriptRoot 'secret.dpapi'),
  # On the first start, also send the runs of the last <hours> (default: nothing old).
  [int] $Backfill = 0,
  [string] $Proxy,
  [string] $CursorFile = (Join-Path $PSScriptRoot 'cursor.txt')
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

# Windows PowerShell 5.1 on older servers still offers TLS 1.0 first.
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

$TimeFormat = 'yyyy-MM-dd HH:mm:ss.fff'
$Utf8 = New-Object System.Text.UTF8Encoding $false

function Get-Secret {
  param([string] $Path)
  $secure = Get-Content -LiteralPath $Path -Raw | ConvertTo-SecureString
  $credential = New-Object System.Management.Automation.PSCredential 'key', $secure
  return $credential.GetNetworkCredential().Password
}

# HMAC-SHA256 over "<timestamp>." and the body bytes, as the bot checks it (lower-case hex).
function Get-Signature {
  param([string] $Secret, [long] $Timestamp, [byte[]] $Body)
  # The unary comma passes the key bytes as one argument, not as one argument per byte.
  $hmac = New-Object System.Security.Cryptography.HMACSHA256 -ArgumentList (, $Utf8.GetBytes($Secret))
  try {
    $prefix = $Utf8.GetBytes([string]$Timestamp + '.')
    $data = New-Object byte[] ($prefix.Length + $Body.Length)
    [Array]::Copy($prefix, 0, $data, 0, $prefix.Length)
    [Array]::Copy($Body, 0, $data, $prefix.Length, $Body.Length)
    $hash = $hmac.ComputeHash($data)
  } finally {
    $hmac.Dispose()
  }
  $hex = New-Object System.Text.StringBuilder
  foreach ($b in $hash) { [void]$hex.Append($b.ToString('x2')) }
  return 'sha256=' + $hex.ToString()
}

function Read-Cursor {
  if (Test-Path -LiteralPath $CursorFile) {
    return (Get-Content -LiteralPath $CursorFile -Raw).Trim()
  }
  $start = [DateTime]::UtcNow.AddHours(-$Backfill).ToString($TimeFormat, [Globalization.CultureInfo]::InvariantCulture)
  if (-not $WhatIfPreference) { Set-Content -LiteralPath $CursorFile -Value $start -Encoding ASCII }
  return $start
}

# Returns the HTTP status; throws nothing for an answer, only when the bot cannot be reached.
function Send-Run {
  param([byte[]] $Body, [string] $Secret)
  $timestamp = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
  $headers = @{
    'X-MSD-Key-Id'    = $KeyId
    'X-MSD-Timestamp' = [string]$timestamp
    'X-MSD-Signature' = (Get-Signature -Secret $Secret -Timestamp $timestamp -Body $Body)
  }
  $request = @{
    Uri             = $Url.TrimEnd('/') + '/api/runs'
    Method          = 'Post'
    Body            = $Body
    ContentType     = 'application/xml; charset=utf-8'
    Headers         = $headers
    UseBasicParsing = $true
  }
  if ($Proxy) { $request.Proxy = $Proxy; $request.ProxyUseDefaultCredentials = $true }
  try {
    $response = Invoke-WebRequest @request
    return [int]$response.StatusCode
  } catch [System.Net.WebException] {
    if ($null -eq $_.Exception.Response) { throw }
    return [int]$_.Exception.Response.StatusCode
  }
}

$cursor = Read-Cursor
$runs = @(Get-CimInstance -Namespace 'root\MicrosoftIdentityIntegrationServer' -ClassName 'MIIS_RunHistory' `
    -Filter ("RunEndTime >= '{0}'" -f $cursor) |
  Where-Object { $_.RunStatus -ne 'in-progress' -and $_.RunEndTime } |
  Sort-Object -Property RunEndTime)
# From the cursor on, itself included: a second run that ended in the same millisecond is not skipped,
# and the last accepted one comes back to the bot as a duplicate, which costs nothing.
Write-Verbose ('{0} run(s) ended at or after {1} UTC' -f $runs.Count, $cursor)

$secret = $null
foreach ($run in $runs) {
  $what = '{0} run {1} ({2}, {3})' -f $run.MaName, $run.RunNumber, $run.RunProfile, $run.RunStatus
  if (-not $PSCmdlet.ShouldProcess($what, 'send to MIM Sync Doctor')) { continue }
  if ($null -eq $secret) { $secret = Get-Secret -Path $SecretFile }
  $xml = (Invoke-CimMethod -InputObject $run -MethodName 'RunDetails').ReturnValue
  $status = Send-Run -Body $Utf8.GetBytes($xml) -Secret $secret
  if ($status -ne 202) {
    Write-Warning ('{0}: the bot answered {1}; stopping, the next start sends it again' -f $what, $status)
    exit 1
  }
  Set-Content -LiteralPath $CursorFile -Value $run.RunEndTime -Encoding ASCII
  Write-Verbose ('{0}: accepted' -f $what)
}
