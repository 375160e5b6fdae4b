// Group commit: while one batch is being written, new items wait and are written together in the next
// batch. An idle writer starts its batch on the next turn of the event loop (setImmediate), so items submitted
// together (a request's giver and recipients, requests read in the same I/O phase) share the first round trip
// too; under load many items share one round trip.

export class GroupCommit<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private writing = false;

  /**
   * `writeBatch` returns one settled result per item (in order), so one item can fail without failing the
   * others; a thrown error fails the whole batch.
   */
  constructor(
    private readonly writeBatch: (items: T[]) => Promise<PromiseSettledResult<R>[]>,
    private readonly maxBatch = 500,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.writeBatch(batch.map((b) => b.item));
          batch.forEach((b, i) => {
            const result = results[i];
            if (result?.status === "fulfilled") b.resolve(result.value);
            else b.reject(result ? result.reason : new Error("group commit returned no result for an item"));
          });
        } catch (err) {
          batch.forEach((b) => b.reject(err));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
