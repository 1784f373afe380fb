// Whether a promise has settled once what is already due has run: for tests that show something
// is still waiting, without waiting for a time.

/** True when `p` resolved or rejected within two turns of the event loop. */
export async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  return done;
}
