// Which payment pages may leave the app: https or loopback http, and only those of open checkouts.
import { describe, expect, it } from 'vitest';
import { PaymentPages } from '../../../../../electron/core/app/payment-pages.ts';
import { isPaymentPageUrl, paymentPageUrl } from '../../../../../electron/shared/payment-url.ts';
import { checkout, paidCheckout } from '../../../../helpers/payment-fixtures.ts';

describe('payment page URLs', () => {
  it.each([
    ['https://checkout.stripe.com/c/pay/cs_test_a1', true],
    ['https://pay.example:8443/x', true],
    ['http://127.0.0.1:8700/test-provider/pay/pay_x', true],
    ['http://localhost:8700/test-provider/pay/pay_x', true],
    ['http://[::1]:8700/test-provider/pay/pay_x', true],
    ['http://pay.example/x', false],
    ['http://127.0.0.1.evil.example/x', false],
    ['https://user:pw@pay.example/x', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,hi', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isPaymentPageUrl(url)).toBe(ok);
  });

  it('resolves a page given relative to the store', () => {
    expect(paymentPageUrl('/test-provider/pay/pay_x', 'http://127.0.0.1:8700/')).toBe(
      'http://127.0.0.1:8700/test-provider/pay/pay_x',
    );
  });
});

describe('PaymentPages', () => {
  it('knows the pages of pending checkouts only, exactly as the store gave them', () => {
    const pages = new PaymentPages();
    const open = checkout();
    pages.note(open);
    expect(pages.isOpen(open.payUrl!)).toBe(true);
    expect(pages.isOpen(`${open.payUrl!}x`)).toBe(false);
    expect(pages.isOpen('http://127.0.0.1:8700/test-provider/pay/pay_other00000001')).toBe(false);
    pages.note(paidCheckout());
    expect(pages.isOpen(open.payUrl!)).toBe(false);
  });

  it('never vouches for a page the app would not open anyway', () => {
    const pages = new PaymentPages();
    pages.note(checkout({ payUrl: 'http://pay.example/x' }));
    expect(pages.isOpen('http://pay.example/x')).toBe(false);
  });

  it('keeps a bounded number of pages', () => {
    const pages = new PaymentPages();
    const url = (i: number) => `https://pay.example/p${i}`;
    for (let i = 0; i < 40; i++)
      pages.note(checkout({ id: `pay_bounded${String(i).padStart(5, '0')}`, payUrl: url(i) }));
    expect(pages.isOpen(url(0))).toBe(false);
    expect(pages.isOpen(url(39))).toBe(true);
  });
});
