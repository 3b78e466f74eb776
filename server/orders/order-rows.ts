// Row shapes of orders and their items, shared by the order modules.
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { ItemState, OrderState } from '../../api/schemas/orders.ts';

export interface OrderRow {
  seq: number;
  id: string;
  account_id: number;
  album_id: number;
  encoding: EncodingId;
  state: OrderState;
  reserved_bytes: number;
  charged_bytes: number;
  created_at: string;
  completed_at: string | null;
  /** The buyer's country when the order was made (royalty statements are per territory). */
  territory: string | null;
}

export interface ItemRow {
  id: string;
  order_id: string;
  position: number;
  track_id: number;
  state: ItemState;
  reserved_bytes: number;
  charged_bytes: number | null;
  already_owned: number;
  bytes: number | null;
  sha256: string | null;
  file_path: string | null;
  error_code: string | null;
  error_message: string | null;
  ready_at: string | null;
  /** Set when the operator refunded this item after it was settled. */
  reversed_at: string | null;
  /** The encode queue (server/orders/encode-queue.ts): claims so far, the last claimant, its last heartbeat. */
  attempt: number;
  worker: string | null;
  heartbeat_at: string | null;
}
