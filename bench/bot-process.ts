// The bot exactly as `npm start` runs it (src/main.ts), plus a memory probe for the benchmark.
import { answerMemoryRequests } from "./process-memory.ts";

answerMemoryRequests();
await import("../src/main.ts");
