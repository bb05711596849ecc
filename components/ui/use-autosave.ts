"use client";

import { useEffect, useRef } from "react";

/**
 * Saves a long form by itself a few seconds after the last change, so a closed tab or a lost
 * connection costs at most those seconds of typing. `values` is what the user edits (its identity
 * changes on every edit); nothing happens while the form is clean or a save is running.
 */
export function useAutosave(values: unknown, dirty: boolean, busy: boolean, save: () => void, delayMs = 3000) {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    if (!dirty || busy) return;
    const timer = setTimeout(() => latest.current(), delayMs);
    return () => clearTimeout(timer);
  }, [values, dirty, busy, delayMs]);
}
