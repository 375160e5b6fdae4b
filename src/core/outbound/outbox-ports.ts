// The outbox as the relay sees it (src/jobs/outbox-relay.ts; src/store/outbox-store.ts implements it): rows
// written with the data they follow, claimed for a lease, deleted once handed to the queue.

export interface ClaimedOutboxMessage {
  /** The row's id (a bigint, as text). */
  id: string;
  topic: string;
  payload: unknown;
  /** Claims so far, this one included. */
  attempts: number;
}

export interface OutboxStore {
  /** Claims up to `limit` due rows, oldest first, hiding them from other relays for `leaseMs`. */
  claim(limit: number, leaseMs: number): Promise<ClaimedOutboxMessage[]>;
  /** Deletes rows that were handed to the queue. */
  delivered(ids: string[]): Promise<void>;
  /** Records why a row was not handed over; it is due again in `retryInMs`, or never (null) when retrying cannot help. */
  failed(id: string, error: string, retryInMs: number | null): Promise<void>;
  /** Rows not yet relayed. */
  backlog(): Promise<number>;
}
