import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

/**
 * Loads something a form needs only once someone uses it: at the first focus, touch or key press
 * on the page, or at the first call, whichever comes first. A failed load (a device offline
 * before it ever fetched the chunk) resolves to null and the next call tries again.
 */
export function loadOnFirstUse<T>(load: () => Promise<T>): () => Promise<T | null> {
  let loading: Promise<T | null> | null = null;
  const get = () =>
    (loading ??= load().then(
      (value) => value,
      () => {
        loading = null;
        return null;
      },
    ));
  if (typeof window !== "undefined") {
    // Fetched at the first sign of someone about to fill in: a focus, a touch or a key. Not when
    // idle after load – evaluating zod is a long task a phone would spend before anyone types.
    for (const type of ["focusin", "pointerdown", "keydown"]) window.addEventListener(type, () => void get(), { once: true, capture: true, passive: true });
  }
  return get;
}

/**
 * The app's react-hook-form resolver. zod and the form's schema are a chunk of their own, fetched
 * with `loadOnFirstUse`, not with the page: zod is ~32 kB gzip that no form needs before someone
 * types (ADR 013). Validation is the same as `zodResolver(schema)`. If the chunk cannot be
 * fetched, the form submits and the server action, which parses every submission with the same
 * schema, answers instead; the next validation tries the chunk again.
 *
 * Call it at module level, once per form: `const resolveX = lazyZodResolver<T>(() =>
 * import("<the domain>/schema").then((s) => s.ZX));`
 */
export function lazyZodResolver<T extends FieldValues>(loadSchema: () => Promise<ZodType<unknown, T>>): Resolver<T> {
  const load = loadOnFirstUse(() =>
    Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(([{ zodResolver }, schema]) => zodResolver(schema) as unknown as Resolver<T>),
  );
  return async (values, context, options) => {
    const resolve = await load();
    return resolve ? resolve(values, context, options) : { values, errors: {} };
  };
}
