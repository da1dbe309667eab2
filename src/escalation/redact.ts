/**
 * Takes secrets out of what admins paste before it is stored or shown to support: passwords,
 * connection-string keys, tokens, private keys. MIM status and object codes, builds, event IDs and
 * DNs are left as they are; support needs them.
 *
 * Every pattern runs in linear time on hostile input (a 100 KB paste): each unbounded run is
 * entered only at a token boundary (a lookbehind), is followed by something it cannot contain, or
 * always succeeds once started, so no start position rescans a long stretch and fails.
 */

export const REDACTED = '[REDACTED]';

type Replacer = (match: string, ...groups: string[]) => string;

interface Rule {
  name: string;
  pattern: RegExp;
  replace: Replacer;
}

/** Keep the lead-in (keyword and separator), hide the value, keep its quotes. */
const keepLeadIn: Replacer = (_match, leadIn, value) => leadIn + maskValue(value);

function maskValue(value: string): string {
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return REDACTED;
  const closed = value.length > 1 && value.endsWith(quote);
  if (closed && value.length === 2) return value; // an empty string hides nothing
  return quote + REDACTED + (closed ? quote : '');
}

/** A value: quoted to the closing quote (or the end of the line, for a cut-off paste), else up to a delimiter. */
const VALUE = `"[^"\\r\\n]*"?|'[^'\\r\\n]*'?|[^\\s;&'"<>]+`;

/** Words whose value is a secret whatever it looks like (English, Danish, config and HTTP spellings). */
const SECRET_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'unicodepwd',
  'userpassword',
  'adgangskoden',
  'adgangskode',
  'kodeordet',
  'kodeord',
  'client[_-]?secret',
  'app[_-]?secret',
  'secret[_-]?key',
  'secret',
  'api[_-]?key',
  'access[_-]?key',
  'account[_-]?key',
  'shared[_-]?access[_-]?key',
  'sas[_-]?token',
  'access[_-]?token',
  'refresh[_-]?token',
  'id[_-]?token',
  'auth[_-]?token',
  'token',
  'client[_-]?assertion',
  'private[_-]?key',
  'sig',
].join('|');

const RULES: readonly Rule[] = [
  {
    // Azure Storage connection strings: the whole string, it is one credential.
    name: 'storage-connection-string',
    pattern: /(?<![A-Za-z0-9_])(DefaultEndpointsProtocol\s{0,3}=\s{0,3})([^\s'"<>]+)/gi,
    replace: keepLeadIn,
  },
  {
    // The SAS runs on through & and = (sv=...&sig=...), up to the next connection-string part.
    name: 'shared-access-signature',
    pattern: /(?<![A-Za-z0-9_])(SharedAccessSignature(?:\s{0,3}[=:]\s{0,3}|\s{1,3}))([^\s;'"<>]+)/gi,
    replace: keepLeadIn,
  },
  {
    name: 'authorization-header',
    pattern:
      /(?<![A-Za-z0-9_-])(Authorization["']?\s{0,3}[:=]\s{0,3}["']?(?:(?:Basic|Bearer|Negotiate|NTLM|Digest|SharedKey)\s{1,3})?)([^\s'"<>]+)/gi,
    replace: keepLeadIn,
  },
  {
    name: 'bearer-token',
    pattern: /(?<![A-Za-z0-9_])(Bearer\s{1,5})([A-Za-z0-9._~+/=-]{16,})/gi,
    replace: keepLeadIn,
  },
  {
    // A JWT anywhere: header and payload are base64url JSON, so both start with eyJ ('{"').
    name: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
    replace: () => REDACTED,
  },
  {
    name: 'powershell-secret-parameter',
    pattern:
      /(?<![A-Za-z0-9_])(-(?:Password|Pwd|PlainPassword|ClientSecret|Secret|ApiKey|AccessToken|Token|AccountKey|SasToken)(?:\s{1,5}|:\s{0,3}))("[^"\r\n]*"?|'[^'\r\n]*'?|[^\s'";|)]+)/gi,
    replace: keepLeadIn,
  },
  {
    name: 'secure-string-literal',
    pattern:
      /(?<![A-Za-z0-9_])(ConvertTo-SecureString\s{1,5}(?:-String\s{1,5})?)("[^"\r\n]*"?|'[^'\r\n]*'?)/gi,
    replace: keepLeadIn,
  },
  {
    // password=..., Password: ..., "client_secret": "...", Pwd=...; in connection strings, unicodePwd:: in LDIF.
    name: 'secret-assignment',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_])((?:${SECRET_WORDS})(?![A-Za-z0-9_])["']?\\s{0,5}(?:=>|:=|::|[:=])\\s{0,5})(${VALUE})`,
      'gi',
    ),
    replace: keepLeadIn,
  },
  {
    // "my password is Summer2024!": only a value that looks like one (digit or symbol), so
    // "the password is expired" keeps its meaning.
    name: 'secret-in-prose',
    pattern:
      /(?<![A-Za-z0-9_])((?:password|passwd|pwd|passphrase|adgangskoden|adgangskode|kodeordet|kodeord)\s{1,3}(?:is|was|er|var)\s{1,3})("[^"\r\n]*"?|'[^'\r\n]*'?|[^\s'"<>]+)/gi,
    replace: (match, leadIn, value) => (looksLikePassword(value) ? leadIn + maskValue(value) : match),
  },
  {
    // A long hex or base64 string after key/secret/token words ("storage key 3f9a...", "nøgle: ...").
    name: 'key-word-long-value',
    pattern:
      /(?<![A-Za-z0-9_-])((?:key|keys|secret|secrets|token|tokens|nøgle|nøglen|hemmelighed)(?![A-Za-z0-9_-])[\s"':=]{1,10})([A-Za-z0-9+/_=-]{20,})/gi,
    replace: (match, leadIn, value) => (looksLikeKey(value) ? leadIn + REDACTED : match),
  },
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Random key material, not a word, a GUID (MIM object ids) or a DN-like "CN=...". */
function looksLikeKey(value: string): boolean {
  const body = value.replace(/=+$/, '');
  if (GUID.test(body) || body.includes('=')) return false;
  if (/^[0-9a-f]{32,}$/i.test(body)) return true;
  const hasDigit = /[0-9]/.test(body);
  const hasLetter = /[A-Za-z]/.test(body);
  const mixedCase = /[a-z]/.test(body) && /[A-Z]/.test(body);
  return (hasDigit && hasLetter) || (mixedCase && body.length >= 32);
}

function looksLikePassword(value: string): boolean {
  if (value.startsWith('"') || value.startsWith("'")) return true;
  const word = value.replace(/[.,;:!?)]+$/, '');
  return word.length > 0 && /[^A-Za-zæøåÆØÅ-]/.test(word);
}

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,10}-----/g;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,10}-----/g;

/** Private key blocks, found by position so a BEGIN without an END cannot make a rescan per BEGIN. */
function redactPemBlocks(text: string): string {
  let out = '';
  let from = 0;
  PEM_BEGIN.lastIndex = 0;
  for (let begin = PEM_BEGIN.exec(text); begin; begin = PEM_BEGIN.exec(text)) {
    out += text.slice(from, begin.index) + REDACTED;
    PEM_END.lastIndex = begin.index + begin[0].length;
    const end = PEM_END.exec(text);
    // No END: the paste was cut off inside the key; everything after BEGIN is key material.
    if (!end) return out;
    from = end.index + end[0].length;
    PEM_BEGIN.lastIndex = from;
  }
  return out + text.slice(from);
}

/** The text with every secret it recognises replaced by [REDACTED]. Applying it twice changes nothing more. */
export function redact(text: string): string {
  let out = redactPemBlocks(text);
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, rule.replace as (match: string, ...rest: unknown[]) => string);
  }
  return out;
}

/** Rule names, for tests and docs. */
export const REDACTION_RULES: readonly string[] = ['private-key-pem', ...RULES.map((rule) => rule.name)];
