// Generates the TypeScript types of both APIs from their OpenAPI contracts (the one declaration of every
// operation, in the function modules). Output under src/api/generated/, which is not committed.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CONTRACTS = {
  'survey-api': join(web, '../functions/submissions/src/main/resources/openapi/survey-api.yaml'),
  'monitoring-api': join(web, '../functions/monitoring/src/main/resources/openapi/monitoring-api.yaml'),
};

export function generate(contract, output) {
  mkdirSync(dirname(output), { recursive: true });
  execFileSync(join(web, 'node_modules/.bin/openapi-typescript'), [contract, '-o', output], { stdio: 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, contract] of Object.entries(CONTRACTS)) {
    generate(contract, join(web, 'src/api/generated', `${name}.ts`));
  }
}
