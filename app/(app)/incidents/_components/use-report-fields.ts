"use client";

import { useRef, useState } from "react";
import type { ZodType } from "zod";
import { loadOnFirstUse } from "@/components/ui/lazy-resolver";

type Value = string | number | boolean;
type Errors<V> = Partial<Record<keyof V | "root", string>>;
type Check<V> = (values: V) => Promise<{ data: V; errors: Errors<V> } | null>;

/**
 * The report form's values and errors, kept by React state instead of react-hook-form (ADR 015):
 * the report form is the page whose first-load JavaScript issue #10 caps at 150 kB, and
 * react-hook-form was 12 kB of it. Every other form uses react-hook-form.
 *
 * It validates as the other forms do (react-hook-form's "onTouched"): a field once it has lost
 * focus, and from then on at each change; every field at submit, focusing the first with an
 * error, and each changed field after a submit. Validation is the schema's, loaded with
 * `loadOnFirstUse` (ADR 013); until it loads, or if it cannot, the form submits and the server
 * action answers with the same messages.
 */
export function useReportFields<V extends Record<string, Value>>(initial: V, loadSchema: () => Promise<ZodType>) {
  const [check] = useState(() => checker<V>(loadSchema));
  const [values, setValues] = useState(initial);
  // The values as last set, for a set() that comes after an await (the pin's kommundel, answered
  // by the server): the render's `values` would be the ones from before the pin and undo it.
  const lastSet = useRef(initial);
  const [errors, setErrors] = useState<Errors<V>>({});
  // Which fields validate on change: those touched, or all after a submit.
  const touched = useRef(new Set<keyof V>());
  const submitted = useRef(false);
  // Only the newest validation of a field may write its error (they resolve out of order); a
  // submit outdates every field's.
  const latest = useRef(new Map<keyof V, number>());
  const runs = useRef(0);

  async function validateField(name: keyof V, next: V) {
    const run = ++runs.current;
    latest.current.set(name, run);
    const result = await check(next);
    if (result && latest.current.get(name) === run) setErrors((e) => ({ ...e, [name]: result.errors[name] }));
  }

  /** Sets one or more fields (a pin is two) and validates those that validate on change. */
  function set(patch: Partial<V>, options: { validate?: boolean } = {}) {
    const next = { ...lastSet.current, ...patch };
    lastSet.current = next;
    setValues(next);
    for (const name of Object.keys(patch) as (keyof V)[]) {
      if (options.validate || submitted.current || touched.current.has(name)) void validateField(name, next);
    }
  }

  const blur = (name: keyof V) => () => {
    touched.current.add(name);
    void validateField(name, values);
  };

  /** Props for a text input, select or textarea; `alsoSet` changes other fields with it. */
  function field<K extends keyof V & string>(name: K, options: { alsoSet?: Partial<V> } = {}) {
    return {
      name,
      value: String(values[name]),
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => set({ [name]: e.target.value, ...options.alsoSet } as Partial<V>),
      onBlur: blur(name),
    };
  }

  function checkbox<K extends keyof V & string>(name: K) {
    return { name, checked: values[name] === true, onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [name]: e.target.checked } as Partial<V>), onBlur: blur(name) };
  }

  /** Validates every field; with none in error, calls `onValid` with the schema's output. */
  const submit = (onValid: (data: V) => void) => async (e: React.FormEvent) => {
    e.preventDefault();
    submitted.current = true;
    for (const name of Object.keys(values)) latest.current.set(name, ++runs.current);
    setErrors((errors) => ({ ...errors, root: undefined }));
    const result = await check(values);
    if (!result) return onValid(values); // validation not loaded: the server checks
    setErrors(result.errors);
    const first = Object.keys(values).find((name) => result.errors[name]);
    if (first) document.getElementById(first)?.focus();
    else onValid(result.data);
  };

  function reset(next: V) {
    lastSet.current = next;
    setValues(next);
    setErrors({});
    touched.current.clear();
    submitted.current = false;
  }

  /** Shows an error the server returned; its signature is react-hook-form's, for applyActionErrors. */
  const setError = (name: string, error: { message?: string }) => setErrors((e) => ({ ...e, [name === "root.serverError" ? "root" : name]: error.message }));

  return { values, errors, field, checkbox, set, submit, reset, setError };
}

/** The schema's first message per field, as zodResolver gives them; null until it is loaded. */
function checker<V>(loadSchema: () => Promise<ZodType>): Check<V> {
  const load = loadOnFirstUse(loadSchema);
  return async (values) => {
    const schema = await load();
    if (!schema) return null;
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return { data: parsed.data as V, errors: {} };
    const errors: Errors<V> = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "root") as keyof V;
      errors[name] ??= issue.message;
    }
    return { data: values, errors };
  };
}
