// CI check: no text a person sees is written into the renderer's JSX; it comes from i18n/messages.
import { fileURLToPath } from 'node:url';
import { findJsxLiterals } from './i18n/find-jsx-literals.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const literals = findJsxLiterals(root);
for (const l of literals)
  process.stderr.write(`${l.file}:${l.line}: text outside the catalogs: "${l.text}"\n`);
if (literals.length > 0) {
  process.stderr.write(
    `${literals.length} literal(s): move them into i18n/messages/{en,ru} and use useI18n().t\n`,
  );
  process.exit(1);
}
process.stdout.write('i18n: no JSX literals\n');
