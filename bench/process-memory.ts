// Lets the parent ask a server process for its memory, after a full GC when --expose-gc is on.
export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function answerMemoryRequests(): void {
  process.on("message", (m: unknown) => {
    if (m !== "memory") return;
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    const sample: MemorySample = { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) };
    process.send?.({ memory: sample });
  });
}
