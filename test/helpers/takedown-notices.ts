// Takes works off sale the way a store's operator does: a complete notice filed by anyone, then
// approved with the operator's token.
import { StoreApi } from './store-api.ts';

export type Work = { type: 'album' | 'track'; id: number };

export function noticeBody(works: Work[], onBehalfOf = 'Example Records Ltd') {
  return {
    claimant: { name: 'Ada Claimant', email: 'ada@example.com', address: '1 Rights Row, Springfield' },
    onBehalfOf,
    works,
    basis: 'We hold the exclusive rights to these recordings and did not license this store.',
    goodFaith: true,
    accurate: true,
    signature: 'Ada Claimant',
  };
}

/** Files a notice for the works and approves it; returns the notice id (TD-…). */
export async function takeDown(storeUrl: string, operatorToken: string, works: Work[]): Promise<string> {
  const filed = await new StoreApi(storeUrl).post('/v1/takedowns', noticeBody(works));
  if (filed.status !== 201) throw new Error(`notice refused: ${filed.status} ${JSON.stringify(filed.body)}`);
  const id = filed.body.receiptId as string;
  const decided = await new StoreApi(storeUrl, operatorToken).post(`/v1/operator/takedowns/${id}/decision`, {
    decision: 'approve',
    by: 'Legal Desk',
  });
  if (decided.status !== 200)
    throw new Error(`decision refused: ${decided.status} ${JSON.stringify(decided.body)}`);
  return id;
}

/** Whether owners may still download taken-down works again (the operator's store setting). */
export async function withdrawRedownloads(storeUrl: string, operatorToken: string, withdraw: boolean) {
  const res = await new StoreApi(storeUrl, operatorToken).post('/v1/operator/settings', {
    withdrawRedownloads: withdraw,
  });
  if (res.status !== 200) throw new Error(`settings refused: ${res.status} ${JSON.stringify(res.body)}`);
}
