// Wrapping a driver adapter's objects: one member replaced, every other forwarded.

/** Forwards every other member to `target`, methods bound to it. */
export function overriding<T extends object>(target: T, members: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(members, property)) return members[property as keyof T];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
