// Words of the account screen's packs, checkouts, payment entries and spend toggle, in one place
// (a later issue translates them).

export const PACK_TEXT = {
  heading: 'Buy megabytes',
  intro: (perMb: string) =>
    `Packs cost less per MB than ${perMb} one by one. You pay on the payment provider’s page; the megabytes are added as soon as it confirms.`,
  caption: 'Top-up packs at your price',
  pack: 'Pack',
  price: 'Your price',
  perMb: 'Per MB',
  saving: 'You save',
  action: 'Buy',
  insteadOf: 'instead of',
  volume: 'volume',
  loyalty: 'loyalty',
  discounts: (parts: string[]) => `incl. ${parts.join(' and ')} discount`,
  save: (percent: number) => `save ${percent}%`,
  noSaving: '—',
  buy: 'Buy',
  buyLabel: (size: string, price: string) => `Buy ${size} for ${price}`,
  loading: 'Loading the packs…',
  offline: 'The store is not answering: packs can be bought once it is back.',
  loyaltyNext: (amount: string, percent: string) => `Spend ${amount} more for ${percent} off`,
  loyaltyNow: (percent: string) => `Your loyalty discount: ${percent} off every pack.`,
  loyaltyTop: (percent: string) => `You have the top loyalty discount: ${percent} off every pack.`,
};

/** The store's reason as a clause: "Your card was declined." → "Your card was declined". */
const clause = (text: string | null) => (text ? text.trim().replace(/[.!\s]+$/, '') : '');

export const CHECKOUT_TEXT = {
  starting: 'Starting the checkout…',
  waiting: 'Waiting for payment… complete it in the page that opened.',
  amount: (size: string, price: string) => `${size} for ${price}.`,
  reopen: 'Open the payment page again',
  stopWaiting: 'Stop waiting',
  trouble: 'The store is not answering right now; still waiting.',
  paid: (size: string) => `${size} added to your balance.`,
  declined: (failure: string | null) =>
    `The payment was declined${clause(failure) ? `: ${clause(failure)}` : ''}. Nothing was charged; try again, perhaps with another card.`,
  expired: (failure: string | null) =>
    `The checkout expired before it was paid${clause(failure) ? `: ${clause(failure)}` : ''}. Nothing was charged; choose a pack to start again.`,
  refunded: 'That payment was refunded; its megabytes left the balance.',
  noAnswer:
    'The store has not confirmed the payment, and the checkout has expired. If you paid, the megabytes are added once it does.',
  stopped: 'Stopped waiting. If you still pay, the megabytes are added all the same and show up here.',
  dismiss: 'Dismiss',
};

export const LEDGER_TEXT = {
  refund: 'Refund',
  payment: 'Payment',
  refundOf: 'Refund of payment',
};

export const SPEND_TEXT = {
  unit: 'Show spending in',
  mb: 'MB',
  money: 'Money',
  moneyNote:
    'Money is what you paid for the megabytes you used: each purchase uses your oldest top-up first, at the price you paid for it. Megabytes from vouchers and free credit cost nothing.',
  paidTotal: 'paid in total',
  paidColumn: 'Paid',
  monthSummaryMoney: (from: string, to: string, items: string) =>
    `Money spent per month, ${from} to ${to}: ${items}.`,
};
