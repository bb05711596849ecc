import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

/**
 * The app's react-hook-form resolver. zod and the form's schema are a chunk of their own, fetched
 * at the first focus, touch or key press on the page (or the first validation), not with the
 * page: zod is ~32 kB gzip that no form needs before someone types (ADR 013). Validation is the
 * same as `zodResolver(schema)`. If the chunk cannot be fetched (a device offline before it ever
 * loaded it), the form submits and the server action, which parses every submission with the
 * same schema, answers instead; the next validation tries the chunk again.
 *
 * Call it at module level, once per form: `const resolveX = lazyZodResolver<T>(() =>
 * import("<the domain>/schema").then((s) => s.ZX));`
 */
export function lazyZodResolver<T extends FieldValues>(loadSchema: () => Promise<ZodType<unknown, T>>): Resolver<T> {
  let loading: Promise<Resolver<T> | null> | null = null;
  const load = () =>
    (loading ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema) as unknown as Resolver<T>,
      () => {
        loading = null;
        return null;
      },
    ));
  if (typeof window !== "undefined") {
    // Fetched at the first sign of someone about to fill in: a focus, a touch or a key. Not when
    // idle after load – evaluating zod is a long task a phone would spend before anyone types.
    for (const type of ["focusin", "pointerdown", "keydown"]) window.addEventListener(type, () => void load(), { once: true, capture: true, passive: true });
  }
  return async (values, context, options) => {
    const resolve = await load();
    return resolve ? resolve(values, context, options) : { values, errors: {} };
  };
}
