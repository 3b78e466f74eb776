// The test provider's HTML pages: a card form, a 3-D Secure style step, and the outcome. Plain HTML
// with a strict CSP and every value escaped; the words come from the catalog (server.pay.*) in the
// buyer's language, and <html lang> says which.
import type { ArgValues, English, MessageKey, Translator } from '../../../i18n/index.ts';
import type { ChargeRow, PayOutcome } from './test-provider.ts';
import { TEST_CARDS } from './test-provider.ts';

type PayKey = Extract<MessageKey, `server.pay.${string}`>;
/** The page texts that take no arguments. */
type PayText = { [K in PayKey]: ArgValues<English[K]> extends [] ? K : never }[PayKey];

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function amount(t: Translator, charge: ChargeRow): string {
  return t.money(charge.amount_micros, charge.currency);
}

/** A message as HTML: the text escaped, then each marked value replaced by its own (trusted) HTML. */
function withMarkup(text: string, markup: Record<string, string>): string {
  let html = escapeHtml(text);
  for (const [marker, value] of Object.entries(markup)) html = html.replace(marker, value);
  return html;
}

function page(t: Translator, title: Extract<PayText, `server.pay.title.${string}`>, body: string): string {
  return `<!doctype html>
<html lang="${t.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.t('server.pay.pageTitle', { title: t.t(title) }))}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;background:#f4f4f6;color:#1b1b1f;margin:0;padding:2rem 1rem}
main{max-width:26rem;margin:0 auto;background:#fff;border-radius:12px;padding:1.5rem 1.75rem;box-shadow:0 2px 12px #0002}
h1{font-size:1.25rem;margin:0 0 .25rem}.amount{font-size:2rem;font-weight:700;margin:.5rem 0}
label{display:block;font-weight:600;margin:1rem 0 .25rem}input{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #888;border-radius:6px}
button{font:inherit;font-weight:600;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#3b3bd6;color:#fff;margin-top:1rem;cursor:pointer}
button.secondary{background:#e4e4ea;color:#1b1b1f;margin-left:.5rem}.note{color:#555;font-size:.9rem}
.ok{color:#0a6b2d}.bad{color:#a01818}code{background:#eee;padding:0 .25rem;border-radius:3px}
</style></head><body><main>
<p class="note">${escapeHtml(t.t('server.pay.note'))}</p>
${body}
</main></body></html>`;
}

function testCards(t: Translator): string {
  // Private-use markers survive escaping and cannot come from the catalog text.
  const marks = { succeeds: '\uE000', declines: '\uE001', authenticates: '\uE002' };
  return withMarkup(t.t('server.pay.testCards', marks), {
    [marks.succeeds]: `<code>${TEST_CARDS.succeeds}</code>`,
    [marks.declines]: `<code>${TEST_CARDS.declines}</code>`,
    [marks.authenticates]: `<code>${TEST_CARDS.needsAuthentication}</code>`,
  });
}

export function cardPage(charge: ChargeRow, t: Translator, error?: string): string {
  const money = amount(t, charge);
  return page(
    t,
    'server.pay.title.pay',
    `<h1>${escapeHtml(charge.description)}</h1>
<p class="amount" data-testid="amount">${escapeHtml(money)}</p>
${error ? `<p class="bad" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post">
<label for="card">${escapeHtml(t.t('server.pay.cardNumber'))}</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" required placeholder="4242 4242 4242 4242">
<button type="submit">${escapeHtml(t.t('server.pay.submit', { amount: money }))}</button>
</form>
<p class="note">${testCards(t)}</p>`,
  );
}

export function outcomePage(outcome: PayOutcome, t: Translator): string {
  const { charge } = outcome;
  const text = (key: PayText) => escapeHtml(t.t(key));
  switch (outcome.kind) {
    case 'succeeded':
      return page(
        t,
        'server.pay.title.paid',
        `<div role="status"><h1 class="ok">${text('server.pay.paid.heading')}</h1></div><p>${escapeHtml(
          t.t('server.pay.paid.summary', { amount: amount(t, charge), description: charge.description }),
        )}</p>
<p>${text(outcome.delivered ? 'server.pay.paid.delivered' : 'server.pay.paid.pending')}</p>`,
      );
    case 'declined':
      return page(
        t,
        'server.pay.title.declined',
        `<div role="alert"><h1 class="bad">${text('server.pay.declined.heading')}</h1></div><p>${text(
          outcome.why === 'card' ? 'server.pay.declined.card' : 'server.pay.declined.authentication',
        )}</p>
<p>${text('server.pay.declined.next')}</p>`,
      );
    case 'needs_action':
      return page(
        t,
        'server.pay.title.authenticate',
        `<h1>${text('server.pay.authenticate.heading')}</h1><p>${escapeHtml(
          t.t('server.pay.authenticate.text', { amount: amount(t, charge), last4: charge.card_last4 ?? '' }),
        )}</p>
<form method="post"><button type="submit" name="action" value="complete">${text('server.pay.authenticate.complete')}</button><button type="submit" name="action" value="fail" class="secondary">${text('server.pay.authenticate.fail')}</button></form>`,
      );
    case 'invalid_card':
      return cardPage(charge, t, t.t('server.pay.invalidCard'));
    case 'closed': {
      const key = (
        {
          expired: 'server.pay.closed.expired',
          paid: 'server.pay.closed.paid',
          declined: 'server.pay.closed.declined',
          refunded: 'server.pay.closed.refunded',
        } as const
      )[outcome.why];
      return page(t, 'server.pay.title.closed', `<div role="status"><h1>${text(key)}</h1></div>`);
    }
  }
}

export function notFoundPage(t: Translator): string {
  return page(
    t,
    'server.pay.title.notFound',
    `<h1 class="bad">${escapeHtml(t.t('server.pay.notFound'))}</h1>`,
  );
}
