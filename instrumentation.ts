// Runs once when the server starts: invalid configuration stops it with one clear line.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup-check");
}
