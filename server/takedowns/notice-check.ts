// Checks a filed notice field by field, so one 400 names everything a claimant must add or fix
// (zod alone would stop at its first issue).
import { issuePath } from '../../api/schemas/issue-text.ts';
import { NoticeBody } from '../../api/schemas/rights.ts';
import { StoreError } from '../errors/store-error.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The required fields the body lacks, as dotted paths (claimant.address, goodFaith…). */
export function missingFields(raw: unknown): string[] {
  const body = isObject(raw) ? raw : {};
  const claimant = isObject(body.claimant) ? body.claimant : {};
  const missing: string[] = [];
  if (body.kind === 'counter' && isBlank(body.refersTo)) missing.push('refersTo');
  for (const field of ['name', 'email', 'address'])
    if (isBlank(claimant[field])) missing.push(`claimant.${field}`);
  for (const field of ['onBehalfOf', 'basis']) if (isBlank(body[field])) missing.push(field);
  if (!Array.isArray(body.works) || body.works.length === 0) missing.push('works');
  // The two statements must be made, not merely present: anything but true is missing.
  for (const field of ['goodFaith', 'accurate']) if (body[field] !== true) missing.push(field);
  if (isBlank(body.signature)) missing.push('signature');
  return missing;
}

/** The notice, or 400 NOTICE_INCOMPLETE naming every missing field and every invalid one. */
export function checkNotice(raw: unknown): NoticeBody {
  const missing = missingFields(raw);
  const parsed = NoticeBody.safeParse(raw ?? {});
  if (missing.length === 0 && parsed.success) return parsed.data;
  const named = new Set(missing);
  const invalid = parsed.success
    ? []
    : parsed.error.issues
        .map((issue) => ({ path: issuePath(issue) ?? '', message: issue.message }))
        // A missing field (or the object holding it) is already named; zod's "expected string,
        // received undefined" about it adds nothing.
        .filter((i) => ![...named].some((m) => m === i.path || m.startsWith(`${i.path}.`)))
        .map((i) => (i.path ? `${i.path} (${i.message})` : i.message));
  const parts = [
    ...(missing.length ? [`missing: ${missing.join(', ')}`] : []),
    ...(invalid.length ? [`invalid: ${[...new Set(invalid)].join('; ')}`] : []),
  ];
  throw new StoreError('NOTICE_INCOMPLETE', 400, `the notice is incomplete: ${parts.join('; ')}`);
}
