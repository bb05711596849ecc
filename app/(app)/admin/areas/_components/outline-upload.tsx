"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Field } from "@/components/ui/field";
import { postFile } from "@/lib/http/post-file";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";

/** The GeoJSON goes to its own route (./outlines), not a server action: see lib/http/file-upload.ts. */
export function OutlineUpload() {
  const router = useRouter();
  const m = useI18n().m.adminForms;
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        setDone(null);
        startTransition(async () => {
          if (!file) return;
          const result = await postFile<{ matched: number; unmatched: string[] }>("/admin/areas/outlines", file);
          if (!result.ok) return setError(result.fieldErrors?.file?.[0] ?? result.formError ?? m.unreadable);
          setDone(`${fill(m.matched, { count: result.data.matched })}${result.data.unmatched.length ? ` ${fill(m.unmatched, { list: result.data.unmatched.join(", ") })}` : ""}`);
          router.refresh();
        });
      }}
    >
      <FormControls busy={pending}>
        <Field id="file" label={m.geojson} hint={m.geojsonHint} error={error}>
          {(a) => <input {...a} type="file" accept=".geojson,.json,application/geo+json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <button className="btn" type="submit" disabled={!file || pending}>{m.upload}</button>
      </FormControls>
      <p aria-live="polite" role="status">{done ?? ""}</p>
    </form>
  );
}
