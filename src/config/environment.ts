// The process's environment is read here and nowhere else: the rest of the code (and the tools,
// scripts, tests and benchmarks) takes its settings as options, or passes the environment on to
// a child process through these functions.

type Environment = Readonly<Record<string, string | undefined>>;

/** This process's environment, as it is now (after a .env file was loaded into it, if any). */
export function processEnvironment(): Environment {
  return process.env;
}

/** One variable of this process's environment. */
export function environmentVariable(name: string): string | undefined {
  return process.env[name];
}

/** What a child process inherits: this process's environment with `extra` on top. */
export function inheritedEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * Only what a child needs to run (PATH, HOME) and `extra`: a child that must not see this
 * process's settings, as a person's fresh shell would not.
 */
export function bareEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

/**
 * Sets (or, with undefined, clears) this process's server time zone and gives back the one
 * before. NOTE: for tests, which run the calendar under zones far from Shanghai.
 */
export function setProcessTimeZone(tz: string | undefined): string | undefined {
  const previous = process.env.TZ;
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
  return previous;
}

/**
 * `name` of this process's environment, set to `fallback` first when it is missing, so that what
 * this process starts sees the same value. NOTE: for prisma.config.ts, whose CLI reads the URL again.
 */
export function environmentVariableOrSet(name: string, fallback: string): string {
  process.env[name] ??= fallback;
  return process.env[name];
}
