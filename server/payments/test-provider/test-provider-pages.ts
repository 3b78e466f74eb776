// The test provider's HTML pages: a card form, a 3-D Secure style step, and the outcome. Plain HTML
// with a strict CSP and every value escaped.
import type { ChargeRow, PayOutcome } from './test-provider.ts';
import { TEST_CARDS } from './test-provider.ts';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function amount(charge: ChargeRow): string {
  const units = (charge.amount_micros / 1_000_000).toFixed(2);
  return charge.currency === 'USD' ? `$${units}` : `${units} ${charge.currency}`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Megadisc test payments</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;background:#f4f4f6;color:#1b1b1f;margin:0;padding:2rem 1rem}
main{max-width:26rem;margin:0 auto;background:#fff;border-radius:12px;padding:1.5rem 1.75rem;box-shadow:0 2px 12px #0002}
h1{font-size:1.25rem;margin:0 0 .25rem}.amount{font-size:2rem;font-weight:700;margin:.5rem 0}
label{display:block;font-weight:600;margin:1rem 0 .25rem}input{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #888;border-radius:6px}
button{font:inherit;font-weight:600;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#3b3bd6;color:#fff;margin-top:1rem;cursor:pointer}
button.secondary{background:#e4e4ea;color:#1b1b1f;margin-left:.5rem}.note{color:#555;font-size:.9rem}
.ok{color:#0a6b2d}.bad{color:#a01818}code{background:#eee;padding:0 .25rem;border-radius:3px}
</style></head><body><main>
<p class="note">Megadisc test payments: no real money moves.</p>
${body}
</main></body></html>`;
}

export function cardPage(charge: ChargeRow, error?: string): string {
  return page(
    'Pay',
    `<h1>${escapeHtml(charge.description)}</h1>
<p class="amount" data-testid="amount">${escapeHtml(amount(charge))}</p>
${error ? `<p class="bad" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post">
<label for="card">Card number</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" required placeholder="4242 4242 4242 4242">
<button type="submit">Pay ${escapeHtml(amount(charge))}</button>
</form>
<p class="note">Test cards: <code>${TEST_CARDS.succeeds}</code> pays, <code>${TEST_CARDS.declines}</code> is declined,
<code>${TEST_CARDS.needsAuthentication}</code> asks for an extra authentication step.</p>`,
  );
}

export function outcomePage(outcome: PayOutcome): string {
  const { charge } = outcome;
  switch (outcome.kind) {
    case 'succeeded':
      return page(
        'Paid',
        `<div role="status"><h1 class="ok">Payment complete</h1></div><p>${escapeHtml(amount(charge))} for ${escapeHtml(charge.description)}.</p>
<p>${outcome.delivered ? 'The store has your payment. You can close this page and return to Megadisc.' : 'The store has not confirmed yet; it will be told again shortly.'}</p>`,
      );
    case 'declined':
      return page(
        'Declined',
        `<div role="alert"><h1 class="bad">Payment declined</h1></div><p>${escapeHtml(outcome.reason)} Nothing was charged.</p>
<p>Return to Megadisc to try another pack or card.</p>`,
      );
    case 'needs_action':
      return page(
        'Authenticate',
        `<h1>Confirm it is you</h1><p>Your bank asks you to authenticate this payment of ${escapeHtml(amount(charge))}
(card ending ${escapeHtml(charge.card_last4 ?? '')}).</p>
<form method="post"><button type="submit" name="action" value="complete">Complete authentication</button><button type="submit" name="action" value="fail" class="secondary">Fail authentication</button></form>`,
      );
    case 'invalid_card':
      return cardPage(charge, 'That card number is not valid.');
    case 'closed': {
      const text = {
        expired: 'This checkout has expired. Start a new one in Megadisc.',
        paid: 'This checkout is already paid.',
        declined: 'This payment was declined. Start a new checkout in Megadisc.',
        refunded: 'This payment was refunded.',
      }[outcome.why];
      return page('Closed', `<div role="status"><h1>${escapeHtml(text)}</h1></div>`);
    }
  }
}

export function notFoundPage(): string {
  return page('Not found', '<h1 class="bad">No such payment</h1>');
}
