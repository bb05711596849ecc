/** Polls `check` every 250 ms until it is true (a throw counts as not yet), or fails after `ms`. */
export async function waitFor(check: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("timed out");
}
