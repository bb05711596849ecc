import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

/** A react-hook-form resolver that loads zod and the form's schema when first asked (or on
 * `preload()`), not with the page: zod is ~32 kB gzip that the report form, opened on phones
 * every week, need not download before it can be used (ADR 013). Validation is the same once
 * loaded. If the code cannot be fetched (offline before it ever was), the form submits and the
 * server action, which validates every submission with the same schema, answers instead. */
export function lazyZodResolver<T extends FieldValues>(loadSchema: () => Promise<ZodType<unknown, T>>): { resolver: Resolver<T>; preload: () => void } {
  let loading: Promise<Resolver<T> | null> | null = null;
  const load = () =>
    (loading ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema) as unknown as Resolver<T>,
      () => {
        loading = null; // try again next time
        return null;
      },
    ));
  const resolver: Resolver<T> = async (values, context, options) => {
    const resolve = await load();
    return resolve ? resolve(values, context, options) : { values, errors: {} };
  };
  return { resolver, preload: () => void load() };
}
