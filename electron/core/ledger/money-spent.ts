// What the megabytes spent cost in money. Every top-up is a lot: its bytes and the money paid for
// them (nothing for vouchers and free credit). Each charge uses the oldest lots first, and a refund
// takes back what is left of its payment's lot: the way the store values what it earns.

export interface LedgerMovement {
  id: number;
  kind: string;
  amountBytes: number;
  paymentId: string | null;
  /** Money paid for a top-up, in micros; null when nothing was paid (a voucher, free credit). */
  paidMicros: number | null;
}

interface Lot {
  paymentId: string | null;
  bytes: number;
  money: number;
  used: number;
}

/** floor(money × used / bytes), exact: money × bytes passes 2^53. */
function valueOfFirst(lot: Lot, used: number): number {
  return Number((BigInt(lot.money) * BigInt(used)) / BigInt(lot.bytes));
}

/** Money (micros) each charge (settle entry) used up, by entry id; entries in ledger order. */
export function moneyOfCharges(entries: Iterable<LedgerMovement>): Map<number, number> {
  const lots: Lot[] = [];
  let oldestOpen = 0;
  const charged = new Map<number, number>();
  for (const e of entries) {
    if (e.kind === 'topup' && e.amountBytes > 0) {
      lots.push({ paymentId: e.paymentId, bytes: e.amountBytes, money: e.paidMicros ?? 0, used: 0 });
    } else if (e.kind === 'refund' && e.paymentId) {
      const lot = lots.find((l) => l.paymentId === e.paymentId);
      if (lot) lot.used = lot.bytes;
    } else if (e.kind === 'settle' && e.amountBytes < 0) {
      let need = -e.amountBytes;
      let micros = 0;
      for (let i = oldestOpen; i < lots.length && need > 0; i++) {
        const lot = lots[i]!;
        const take = Math.min(need, lot.bytes - lot.used);
        if (take <= 0) continue;
        micros += valueOfFirst(lot, lot.used + take) - valueOfFirst(lot, lot.used);
        lot.used += take;
        need -= take;
      }
      // Bytes beyond every lot seen (history older than the mirror) are valued at nothing.
      while (oldestOpen < lots.length && lots[oldestOpen]!.used >= lots[oldestOpen]!.bytes) oldestOpen++;
      charged.set(e.id, micros);
    }
  }
  return charged;
}
