// The payment pages the store returned for checkouts still waiting to be paid. The desktop shell
// opens a page outside its allowlist only when it is one of these, exactly.
import type { Checkout } from '../../../api/schemas/payments.ts';
import { paymentPageUrl } from '../../shared/payment-url.ts';

/** A listener has a checkout or two open at a time; the cap only bounds a runaway caller. */
const MAX_OPEN = 32;

export class PaymentPages {
  /** Checkout id -> its payUrl, oldest first. */
  readonly #open = new Map<string, string>();

  /** Remembers a pending checkout's page; forgets it once the checkout has settled. */
  note(checkout: Checkout): void {
    this.#open.delete(checkout.id);
    const url = checkout.state === 'pending' && checkout.payUrl ? paymentPageUrl(checkout.payUrl) : null;
    if (!url) return;
    this.#open.set(checkout.id, url);
    if (this.#open.size > MAX_OPEN) this.#open.delete(this.#open.keys().next().value!);
  }

  isOpen(url: string): boolean {
    const wanted = paymentPageUrl(url);
    if (!wanted) return false;
    for (const open of this.#open.values()) if (open === wanted) return true;
    return false;
  }
}
