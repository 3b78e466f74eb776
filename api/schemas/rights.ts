// Rights holders, royalties and statements; takedown notices; territories and availability.
import { z } from 'zod';
import { IsoDate, IsoDateTime, Money } from './common.ts';

/** ISO 3166-1 alpha-2, upper case. */
export const Country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'a country is a two-letter ISO 3166-1 code such as US or DE');

export const RightsHolderRef = z
  .object({ id: z.number().int(), name: z.string() })
  .meta({ id: 'RightsHolderRef' });
export type RightsHolderRef = z.infer<typeof RightsHolderRef>;

export const RightsHolder = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    /** Royalty rate in basis points; null means the store's rate. */
    royaltyBasisPoints: z.number().int().min(0).max(10_000).nullable(),
    releases: z.number().int().nonnegative(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'RightsHolder' });
export type RightsHolder = z.infer<typeof RightsHolder>;

export const RightsHolderBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().email().max(254).nullable().optional(),
    royaltyBasisPoints: z.number().int().min(0).max(10_000).nullable().optional(),
  })
  .strict();

export const AssignReleasesBody = z
  .object({ albumIds: z.array(z.number().int().positive()).min(1).max(10_000) })
  .strict();

export const RightsHolderList = z.object({ items: z.array(RightsHolder) }).meta({ id: 'RightsHolderList' });

export const RightsHolderToken = z.object({ rightsHolderId: z.number().int(), token: z.string() });

/** Whether a release can be bought here and now, and why not. */
export const Availability = z
  .object({
    albumId: z.number().int(),
    state: z.enum(['on_sale', 'taken_down', 'not_in_territory']),
    /** For people: why it is not on sale. */
    reason: z.string().nullable(),
    /** The notice that took it down (its public page is blocked-by). */
    noticeId: z.string().nullable(),
    /** Owned files can still be downloaded again (an operator may withdraw this after a takedown). */
    redownload: z.boolean(),
  })
  .meta({ id: 'Availability' });
export type Availability = z.infer<typeof Availability>;

export const AvailabilityQuery = z.object({
  ids: z
    .string()
    .regex(/^\d{1,15}(,\d{1,15}){0,499}$/, 'ids is a comma-separated list of album ids')
    .transform((s) => s.split(',').map(Number)),
  /** Without a token: the country to check for (default: no territory check beyond worldwide). */
  country: Country.optional(),
});

export const AvailabilityList = z.object({ items: z.array(Availability) }).meta({ id: 'AvailabilityList' });

export const Work = z.object({ type: z.enum(['album', 'track']), id: z.number().int().positive() }).strict();

/** A notice (or counter-notice). Every field is required; a missing one is named in the 400. */
export const NoticeBody = z
  .object({
    kind: z.enum(['notice', 'counter']).default('notice'),
    /** For a counter-notice: the notice it answers. */
    refersTo: z
      .string()
      .regex(/^TD-[A-Z0-9]{8,20}$/)
      .optional(),
    claimant: z
      .object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().email().max(254),
        address: z.string().trim().min(1).max(500),
        organisation: z.string().trim().max(200).optional(),
      })
      .strict(),
    /** Whom the claimant acts for (themselves, or the rights holder they are agent of). */
    onBehalfOf: z.string().trim().min(1).max(200),
    works: z.array(Work).min(1).max(500),
    basis: z.string().trim().min(10).max(5000),
    goodFaith: z.literal(true),
    accurate: z.literal(true),
    signature: z.string().trim().min(1).max(200),
  })
  .strict();
export type NoticeBody = z.infer<typeof NoticeBody>;

export const NoticeReceipt = z
  .object({
    receiptId: z.string(),
    kind: z.enum(['notice', 'counter']),
    state: z.enum(['received', 'approved', 'rejected']),
    receivedAt: IsoDateTime,
  })
  .meta({ id: 'NoticeReceipt' });

/** What anyone may see of a notice: the works, the state and dates; never the claimant's address. */
export const PublicNotice = z
  .object({
    id: z.string(),
    kind: z.enum(['notice', 'counter']),
    state: z.enum(['received', 'approved', 'rejected']),
    onBehalfOf: z.string(),
    works: z.array(Work),
    receivedAt: IsoDateTime,
    decidedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'PublicNotice' });

export const Notice = PublicNotice.extend({
  refersTo: z.string().nullable(),
  body: NoticeBody,
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
}).meta({ id: 'Notice' });
export type Notice = z.infer<typeof Notice>;

export const NoticeList = z.object({ items: z.array(Notice) }).meta({ id: 'NoticeList' });

export const DecisionBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    note: z.string().trim().max(2000).optional(),
    /** Who decided, for the audit log. */
    by: z.string().trim().min(1).max(200),
  })
  .strict();

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: IsoDateTime,
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    detail: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const AuditLog = z.object({ items: z.array(AuditEntry) }).meta({ id: 'AuditLog' });

export const StoreSettingsBody = z.object({ withdrawRedownloads: z.boolean() }).strict();
export const StoreSettings = z.object({ withdrawRedownloads: z.boolean() }).meta({ id: 'StoreSettings' });

/** null: licensed everywhere. */
export const ReleaseTerritoriesBody = z
  .object({ territories: z.array(Country).min(1).max(250).nullable() })
  .strict();
export const ReleaseTerritories = z
  .object({ albumId: z.number().int(), territories: z.array(z.string()).nullable() })
  .meta({ id: 'ReleaseTerritories' });

export const AccountCountryBody = z
  .object({ email: z.string().trim().toLowerCase().email(), country: Country })
  .strict();

/** A month (2026-03) or a quarter (2026-Q1). */
export const StatementPeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'a period is a month (2026-03) or a quarter (2026-Q1)');

/** A month (2026-03), a quarter (2026-Q1), or from/to dates (inclusive). */
export const StatementBody = z
  .object({
    rightsHolderId: z.number().int().positive(),
    period: StatementPeriod.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .strict();

export const StatementLine = z.object({
  lineId: z.string(),
  isrc: z.string().nullable(),
  upc: z.string().nullable(),
  releaseId: z.number().int(),
  releaseTitle: z.string(),
  trackId: z.number().int(),
  title: z.string(),
  artist: z.string(),
  territory: z.string(),
  units: z.number().int(),
  bytes: z.number().int(),
  megabytes: z.string(),
  revenue: Money.extend({ micros: z.number().int() }),
  royalty: Money.extend({ micros: z.number().int() }),
});

export const Statement = z
  .object({
    number: z.string(),
    rightsHolder: RightsHolderRef,
    periodStart: z.string(),
    periodEnd: z.string(),
    currency: z.string(),
    issuedAt: IsoDateTime,
    lines: z.array(StatementLine),
    releases: z.array(
      z.object({
        releaseId: z.number().int(),
        upc: z.string().nullable(),
        title: z.string(),
        units: z.number().int(),
        revenueMicros: z.number().int(),
        royaltyMicros: z.number().int(),
      }),
    ),
    totals: z.object({
      units: z.number().int(),
      revenueMicros: z.number().int(),
      royaltyMicros: z.number().int(),
    }),
  })
  .meta({ id: 'Statement' });
export type Statement = z.infer<typeof Statement>;

export const StatementSummary = z
  .object({
    number: z.string(),
    rightsHolderId: z.number().int(),
    periodStart: z.string(),
    periodEnd: z.string(),
    issuedAt: IsoDateTime,
    royaltyMicros: z.number().int(),
  })
  .meta({ id: 'StatementSummary' });
export const StatementList = z.object({ items: z.array(StatementSummary) }).meta({ id: 'StatementList' });

export const StatementParams = z.object({ number: z.string().regex(/^ST-\d{4}-\d{6}$/) });
export const StatementFormatQuery = z.object({ format: z.enum(['json', 'csv', 'dsr']).default('json') });

export const ItemRefundResult = z
  .object({
    orderId: z.string(),
    itemId: z.string(),
    refundedBytes: z.number().int(),
    /** The money value given back (the royalty base of the reversal). */
    revenueMicros: z.number().int(),
    /** The royalty reversed (a negative line). */
    royaltyMicros: z.number().int(),
    balanceAfterBytes: z.number().int(),
  })
  .meta({ id: 'ItemRefundResult' });
