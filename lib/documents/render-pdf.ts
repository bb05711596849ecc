import "server-only";
import { existsSync } from "node:fs";
import pLimit, { type LimitFunction } from "p-limit";
import { chromium, type Browser } from "playwright-core";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Server-made PDFs: headless Chromium opens the document's own page, as the viewer, in print
 * media, and prints it to A4 with a header (municipality, document, period, status) and "Sida x av
 * y" on every page. The page's print stylesheet lays out the paper (app/print.css); the same page
 * printed from the browser gives the same document. ADR 020.
 */

export class PdfUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfUnavailable";
  }
}

/** Renders wait in line, so a meeting's worth of downloads cannot starve the web server. */
let limit: LimitFunction | null = null;
const MAX_WAITING = 20;
let browser: Promise<Browser> | null = null;

function executablePath(): string | undefined {
  const configured = env().CHROMIUM_PATH;
  if (configured) return configured;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined; // Playwright's own download, if a developer installed one
}

async function launch(): Promise<Browser> {
  const started = chromium.launch({
    executablePath: executablePath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const b = await started.catch((error: unknown) => {
    browser = null;
    logger.error({ err: error }, "pdf: Chromium could not be started");
    throw new PdfUnavailable("Ingen Chromium finns för att skapa PDF:er på servern (CHROMIUM_PATH).");
  });
  b.on("disconnected", () => {
    browser = null;
  });
  return b;
}

function appOrigin(): string {
  return new URL(env().PDF_RENDER_URL ?? `http://127.0.0.1:${env().PORT}`).origin;
}

/** "a=1; b=2" → [["a", "1"], ["b", "2"]]; values stay as the browser sent them. */
function parseCookies(header: string): [string, string][] {
  return header.split(";").flatMap((part) => {
    const at = part.indexOf("=");
    const name = part.slice(0, at).trim();
    return at > 0 && name ? [[name, part.slice(at + 1).trim()] as [string, string]] : [];
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type RenderRequest = {
  /** The page to print, a path on the app ("/tertial/2026-T3"). */
  path: string;
  /** The viewer's Cookie header: the page is opened as the viewer, with the viewer's access. */
  cookie: string;
  /** Left and right of the running header: e.g. "Sollentuna kommun · Tertialanalys 2026 T3", "Godkänd 2026-12-01 av …". */
  header: [string, string];
};

export async function renderPdf(request: RenderRequest): Promise<Buffer> {
  limit ??= pLimit(env().PDF_CONCURRENCY);
  if (limit.pendingCount >= MAX_WAITING) throw new PdfUnavailable("Många PDF:er skapas just nu. Försök igen om en stund.");
  return limit(() => render(request));
}

async function render({ path, cookie, header }: RenderRequest): Promise<Buffer> {
  browser ??= launch();
  const context = await (await browser).newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  try {
    const origin = appOrigin();
    // The viewer's cookies, for the app's own host only. A __Secure-/__Host- cookie keeps its
    // Secure flag, which Chromium honours on a loopback address as on https.
    const domain = new URL(origin).hostname;
    await context.addCookies(parseCookies(cookie).map(([name, value]) => ({ name, value, domain, path: "/", httpOnly: true, secure: /^__(Secure|Host)-/.test(name) })));
    const page = await context.newPage();
    // Only the app itself is reached; map tiles and anything else outside are left off the paper.
    await page.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
    await page.emulateMedia({ media: "print" });
    const response = await page.goto(new URL(path, origin).href, { waitUntil: "load", timeout: 30_000 });
    if (!response?.ok()) throw new Error(`pdf: the page answered ${response?.status() ?? "nothing"} for ${path}`);
    await page.evaluate(() => document.fonts.ready);
    const small = 'style="font-size:7.5pt;font-family:sans-serif;color:#555;width:100%;margin:0 14mm;display:flex;justify-content:space-between;gap:8mm"';
    return await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: `<div ${small}><span>${escapeHtml(header[0])}</span><span>${escapeHtml(header[1])}</span></div>`,
      footerTemplate: `<div ${small}><span>${escapeHtml(header[0])}</span><span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`,
      margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" },
      tagged: true,
      outline: true,
    });
  } finally {
    await context.close().catch(() => undefined);
  }
}
