/**
 * `pnpm cli`: runs the built command (server/dist/cli.js) when it is newer than every source it is
 * built from, and otherwise the sources themselves through @swc-node/register, as before. It never
 * builds: a build would cost seconds on every call, and would replace server/dist under a running
 * server. The built command starts in a fraction of the time and memory (no TypeScript compiler in
 * the process), which counts when a hospital's pipeline runs `validate` on every file.
 */
'use strict';
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const SERVER = __dirname;
const VALIDATION = path.join(SERVER, 'validation');

function modified(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest modification time among a directory's TypeScript files (and the directory entries themselves: a deleted file). */
function newestSource(dir) {
  let newest = modified(dir) ?? Infinity;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isDirectory() || entry.name.endsWith('.ts')) newest = Math.max(newest, modified(file) ?? Infinity);
  }
  return newest;
}

/** Whether a package's build (its entry point's time) is newer than its sources and build settings. */
function builtIsCurrent(dir, entry) {
  const built = modified(path.join(dir, entry));
  if (built === null) return false;
  for (const config of ['tsconfig.json', 'package.json']) if ((modified(path.join(dir, config)) ?? Infinity) >= built) return false;
  return (modified(path.join(SERVER, '../tsconfig.base.json')) ?? Infinity) < built && newestSource(path.join(dir, 'src')) < built;
}

if (process.env.DATAHUB_CLI_FROM_SOURCE !== '1' && builtIsCurrent(SERVER, 'dist/cli.js') && builtIsCurrent(VALIDATION, 'dist/index.js')) {
  require('./dist/cli.js');
} else {
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(process.execPath, ['--conditions=source', '-r', '@swc-node/register', path.join(SERVER, 'src/cli.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? path.join(SERVER, 'tsconfig.json') },
  });
  if (result.error) throw result.error;
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
}
