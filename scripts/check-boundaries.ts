// CI check: fails when a layer imports what it must not, SQL runs outside its repositories, folders
// import each other, or a test's folder does not say what it tests (see
// scripts/boundaries/find-violations.ts).
import { fileURLToPath } from 'node:url';
import { describeViolation, findViolations } from './boundaries/find-violations.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const violations = findViolations(root);
for (const v of violations) process.stderr.write(`${describeViolation(v)}\n`);
if (violations.length > 0) process.exit(1);
process.stdout.write('boundaries ok\n');
