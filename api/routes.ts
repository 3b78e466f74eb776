// The store API v1 route table: the single description that the server binds, the client calls and
// the OpenAPI document is generated from.
import { z } from 'zod';
import * as A from './schemas/account.ts';
import * as C from './schemas/catalog.ts';
import { ErrorBody, IdParams } from './schemas/common.ts';
import * as E from './schemas/encodings.ts';
import * as O from './schemas/orders.ts';
import * as P from './schemas/payments.ts';

/** operator: the store operator's token (megadisc server operator-token), never an account's. */
export type Auth = 'public' | 'optional' | 'bearer' | 'bearer-or-signed' | 'operator';

export interface RouteDef {
  operationId: string;
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  auth: Auth;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Required request headers, documented in OpenAPI (checked by the handler). */
  headers?: Record<string, string>;
  status: number;
  /** Schema of the success body; null for a binary (audio/image) or HTML body. */
  response: z.ZodType | null;
  /** Media type of the request body when it is not JSON (a form, a provider's raw signed payload). */
  bodyMediaType?: string;
  /** Media type of a body that is not JSON or binary (an HTML page, a CSV file). */
  responseMediaType?: string;
  errors: number[];
}

const def = <R extends RouteDef>(r: R): R => r;

export const routes = {
  openapi: def({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This document',
    auth: 'public',
    status: 200,
    response: z.record(z.string(), z.unknown()),
    errors: [],
  }),
  search: def({
    operationId: 'search',
    method: 'GET',
    path: '/v1/search',
    summary: 'Full-text search over artists, albums and tracks, with a cursor per kind',
    auth: 'public',
    query: C.SearchQuery,
    status: 200,
    response: C.SearchResult,
    errors: [400],
  }),
  listAlbums: def({
    operationId: 'listAlbums',
    method: 'GET',
    path: '/v1/albums',
    summary: 'Browse albums, by genre or artist, newest or best-selling first',
    auth: 'public',
    query: C.AlbumListQuery,
    status: 200,
    response: C.AlbumPage,
    errors: [400],
  }),
  newReleases: def({
    operationId: 'newReleases',
    method: 'GET',
    path: '/v1/new-releases',
    summary: 'Albums by release date, newest first',
    auth: 'public',
    query: C.ChartQuery,
    status: 200,
    response: C.AlbumPage,
    errors: [400],
  }),
  charts: def({
    operationId: 'charts',
    method: 'GET',
    path: '/v1/charts',
    summary: 'Albums by sales',
    auth: 'public',
    query: C.ChartQuery,
    status: 200,
    response: C.AlbumPage,
    errors: [400],
  }),
  genres: def({
    operationId: 'listGenres',
    method: 'GET',
    path: '/v1/genres',
    summary: 'Genres with their album counts',
    auth: 'public',
    status: 200,
    response: C.GenreList,
    errors: [],
  }),
  album: def({
    operationId: 'getAlbum',
    method: 'GET',
    path: '/v1/albums/{id}',
    summary: 'An album with its discs and tracks',
    auth: 'public',
    params: IdParams,
    status: 200,
    response: C.Album,
    errors: [400, 404],
  }),
  artist: def({
    operationId: 'getArtist',
    method: 'GET',
    path: '/v1/artists/{id}',
    summary: 'An artist with their albums',
    auth: 'public',
    params: IdParams,
    status: 200,
    response: C.Artist,
    errors: [400, 404],
  }),
  cover: def({
    operationId: 'getCover',
    method: 'GET',
    path: '/v1/covers/{id}/{size}',
    summary: 'Album cover as a square JPEG (size in px, one of the sizes the album lists)',
    auth: 'public',
    params: z.object({ id: IdParams.shape.id, size: z.coerce.number().int().positive() }),
    status: 200,
    response: null,
    errors: [400, 404],
  }),
  encodings: def({
    operationId: 'listEncodings',
    method: 'GET',
    path: '/v1/encodings',
    summary: 'Encodings, and whether this server can produce each now',
    auth: 'public',
    status: 200,
    response: E.EncodingList,
    errors: [],
  }),
  prices: def({
    operationId: 'getAlbumPrices',
    method: 'GET',
    path: '/v1/albums/{id}/prices',
    summary:
      'Size and price of the album (or some tracks) in every encoding; with a token, owned tracks cost 0',
    auth: 'optional',
    params: IdParams,
    query: E.PriceQuery,
    status: 200,
    response: E.PriceTable,
    errors: [400, 404],
  }),
  register: def({
    operationId: 'register',
    method: 'POST',
    path: '/v1/accounts',
    summary: 'Create an account; returns a session',
    auth: 'public',
    body: A.RegisterBody,
    status: 201,
    response: A.Session,
    errors: [400, 409, 413, 415, 429],
  }),
  login: def({
    operationId: 'login',
    method: 'POST',
    path: '/v1/sessions',
    summary: 'Log in; returns a bearer token. Failed attempts are rate-limited',
    auth: 'public',
    body: A.LoginBody,
    status: 201,
    response: A.Session,
    errors: [400, 401, 413, 415, 429],
  }),
  account: def({
    operationId: 'getAccount',
    method: 'GET',
    path: '/v1/account',
    summary: 'Balance, reserved and available bytes',
    auth: 'bearer',
    status: 200,
    response: A.Account,
    errors: [401],
  }),
  ledger: def({
    operationId: 'getLedger',
    method: 'GET',
    path: '/v1/account/ledger',
    summary: 'Ledger entries, oldest first, by cursor',
    auth: 'bearer',
    query: A.LedgerQuery,
    status: 200,
    response: A.LedgerPage,
    errors: [400, 401],
  }),
  redeemVoucher: def({
    operationId: 'redeemVoucher',
    method: 'POST',
    path: '/v1/account/vouchers',
    summary: 'Redeem a single-use voucher',
    auth: 'bearer',
    body: A.VoucherBody,
    status: 200,
    response: A.VoucherRedeemed,
    errors: [400, 401, 404, 409, 413, 415, 429],
  }),
  packs: def({
    operationId: 'listPacks',
    method: 'GET',
    path: '/v1/packs',
    summary: 'Top-up packs with their discounts; with a token, priced for that account (loyalty discount)',
    auth: 'optional',
    status: 200,
    response: P.PackTable,
    errors: [401],
  }),
  createCheckout: def({
    operationId: 'createCheckout',
    method: 'POST',
    path: '/v1/checkouts',
    summary: 'Start paying for a pack: a pending payment with the provider and the page to pay on',
    auth: 'bearer',
    body: P.CheckoutBody,
    headers: {
      'Idempotency-Key':
        'Required. 8-200 chars; a retry with the same key and body returns the same checkout',
    },
    status: 201,
    response: P.Checkout,
    errors: [400, 401, 404, 409, 413, 415, 422],
  }),
  checkout: def({
    operationId: 'getCheckout',
    method: 'GET',
    path: '/v1/checkouts/{id}',
    summary: 'A checkout and its state: pending, paid (credited), declined, expired or refunded',
    auth: 'bearer',
    params: P.CheckoutParams,
    status: 200,
    response: P.Checkout,
    errors: [400, 401, 404],
  }),
  paymentWebhook: def({
    operationId: 'paymentWebhook',
    method: 'POST',
    path: '/v1/payments/webhooks/{provider}',
    summary:
      'Signed event from a payment provider (t=…,v1=… HMAC-SHA256 over "t.body"); the only way megabytes are credited',
    auth: 'public',
    params: P.WebhookParams,
    headers: { 'Megadisc-Signature': 'Required (Stripe-Signature for stripe). t=UNIX,v1=HEX[,v1=HEX…]' },
    bodyMediaType: 'application/json (verified byte for byte)',
    status: 200,
    response: P.WebhookAck,
    errors: [400, 401, 404],
  }),
  testPaymentPage: def({
    operationId: 'testPaymentPage',
    method: 'GET',
    path: '/test-provider/pay/{id}',
    summary: "The built-in test provider's payment page (offline; default in the demo store)",
    auth: 'public',
    params: P.CheckoutParams,
    status: 200,
    response: null,
    responseMediaType: 'text/html',
    errors: [404],
  }),
  testPaymentSubmit: def({
    operationId: 'testPaymentSubmit',
    method: 'POST',
    path: '/test-provider/pay/{id}',
    summary:
      'Pays on the test provider: 4242… succeeds, 4000 0000 0000 0002 declines, 4000 0027 6000 3184 asks for a 3-D Secure step',
    auth: 'public',
    params: P.CheckoutParams,
    bodyMediaType: 'application/x-www-form-urlencoded',
    status: 200,
    response: null,
    responseMediaType: 'text/html',
    errors: [400, 404],
  }),
  refundPayment: def({
    operationId: 'refundPayment',
    method: 'POST',
    path: '/v1/operator/payments/{id}/refund',
    summary: 'Operator: refund a pack that is not yet spent; its megabytes leave the balance',
    auth: 'operator',
    params: P.CheckoutParams,
    body: P.RefundBody,
    status: 200,
    response: P.Refund,
    errors: [400, 401, 404, 409],
  }),
  revenueReport: def({
    operationId: 'revenueReport',
    method: 'GET',
    path: '/v1/operator/reports/revenue',
    summary:
      'Operator: revenue recognised per day or month, deferred revenue, packs sold, discounts (JSON or CSV)',
    auth: 'operator',
    query: P.RevenueQuery,
    status: 200,
    response: P.RevenueReport,
    errors: [400, 401],
  }),
  ledgerCheck: def({
    operationId: 'checkLedger',
    method: 'GET',
    path: '/v1/operator/ledger-check',
    summary: 'Operator: checks that entries sum to balances, lots to balances, and money received adds up',
    auth: 'operator',
    status: 200,
    response: P.LedgerCheck,
    errors: [401],
  }),
  createOrder: def({
    operationId: 'createOrder',
    method: 'POST',
    path: '/v1/orders',
    summary: 'Order an album or some of its tracks in one encoding; reserves the high estimate',
    auth: 'bearer',
    body: O.CreateOrderBody,
    headers: {
      'Idempotency-Key': 'Required. 8-200 chars; a retry with the same key and body replays the response',
    },
    status: 201,
    response: O.Order,
    errors: [400, 401, 402, 404, 409, 413, 415, 422],
  }),
  listOrders: def({
    operationId: 'listOrders',
    method: 'GET',
    path: '/v1/orders',
    summary: "The account's orders, newest first",
    auth: 'bearer',
    query: O.OrderListQuery,
    status: 200,
    response: O.OrderPage,
    errors: [400, 401],
  }),
  order: def({
    operationId: 'getOrder',
    method: 'GET',
    path: '/v1/orders/{id}',
    summary: 'An order with the state of each item',
    auth: 'bearer',
    params: O.OrderParams,
    status: 200,
    response: O.Order,
    errors: [400, 401, 404],
  }),
  download: def({
    operationId: 'downloadItem',
    method: 'GET',
    path: '/v1/orders/{id}/items/{itemId}/file',
    summary: 'The encoded file. Supports Range/If-Range; sends ETag and Repr-Digest (SHA-256)',
    auth: 'bearer-or-signed',
    params: O.ItemParams,
    query: O.SignedLinkQuery,
    status: 200,
    response: null,
    errors: [400, 401, 403, 404, 409, 416],
  }),
} satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;
export { ErrorBody };
