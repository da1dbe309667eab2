// `npm start`: builds when dist/ is missing or older than src/, then runs the bot with a heap limit.
// Plain CommonJS so it runs before anything is compiled. The limit keeps V8 from letting the heap
// grow to several times the live data under load (see docs/benchmark.md); the bot's own state is
// small, and with STORAGE=file or blob it does not live in the heap at all.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'index.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

const stale = !fs.existsSync(entry) || fs.statSync(entry).mtimeMs < newestMtime(path.join(root, 'src'));
if (stale) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// 384 MB, not less: under a tighter cap V8 runs a full mark-compact every second under load (7 in 5 s
// at 192 MB against 1 uncapped), which cost about a quarter of the CPU per turn and most of the p99;
// at 384 MB RSS after 10,000 conversations was 179 MB against 174 MB at 192 MB (docs/benchmark.md).
const heapMb = process.env.MAX_HEAP_MB || '384';
// A capped heap shrinks V8's young generation too; keep it at its usual size, or scavenges multiply.
const flags = [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=16'];
const child = spawn(process.execPath, [...flags, entry], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
