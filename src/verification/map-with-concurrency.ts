// Runs `work` over the items with at most `limit` in flight, in order of the items; results go
// to `onResult` as each finishes (awaited, so a slow consumer slows the pass instead of piling up).
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  onResult: (result: R, index: number) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      const result = await work(items[index]!, index);
      await onResult(result, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
}
