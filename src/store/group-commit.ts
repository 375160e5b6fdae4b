// Group commit: while a batch is being written, new items wait and are written together in the next
// batch. At low load each item is written at once; under load many items share one round trip.
// `writers` > 1 lets that many batches be in flight at once (for writers whose batches can overlap safely).

export class GroupCommit<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private active = 0;

  constructor(
    private readonly writeBatch: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 500,
    private readonly writers = 1,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.active < this.writers) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.active += 1;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.writeBatch(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i] as R));
        } catch (err) {
          batch.forEach((b) => b.reject(err));
        }
      }
    } finally {
      this.active -= 1;
    }
  }
}
