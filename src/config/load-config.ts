// Composition-root helper: read .env (when present) and the environment, or exit 1.
import fs from "node:fs";
import { formatConfigProblems, parseConfig, type Config } from "./env-schema.ts";

export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = ".env"): Config {
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  const result = parseConfig(env);
  if (!result.ok) {
    console.error(formatConfigProblems(result.problems));
    process.exit(1);
  }
  return result.config;
}
