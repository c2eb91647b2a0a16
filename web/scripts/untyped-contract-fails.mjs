// A test of the check: a contract with byte-string and untyped bodies must make the type check fail, and
// name the operation. Run after the real check passed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate-api.mjs';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'untyped-contract-'));
generate(join(web, 'test-fixtures/untyped-api.yaml'), join(work, 'untyped-api.ts'));
writeFileSync(join(work, 'check.ts'), [
  `import type { operations } from './untyped-api';`,
  `import type { AllTyped } from '${join(web, 'src/api/typed').replaceAll('\\', '/')}';`,
  `export const typed: AllTyped<operations> = true;`,
].join('\n'));
const tsc = spawnSync(join(web, 'node_modules/.bin/tsc'),
  ['--noEmit', '--strict', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', join(work, 'check.ts')],
  { encoding: 'utf8' });
const output = tsc.stdout + tsc.stderr;
if (tsc.status === 0 || !output.includes('postThing') || output.includes('getTyped')) {
  console.error('the type check did not catch the untyped operation postThing (and only it):\n' + output);
  process.exit(1);
}
console.log('untyped fixture rejected as it should be: ' + output.split('\n').find((line) => line.includes('postThing')).trim());
