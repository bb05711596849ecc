import "server-only";
import sharp from "sharp";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const ACCEPTED = new Set(["jpeg", "png", "webp"]);

export type PhotoResult = { ok: true; bytes: Buffer; type: "image/jpeg" } | { ok: false; error: "err_photoSize" | "err_photoType" };

/**
 * Re-encodes an uploaded image as a JPEG of at most 1600 px, upright and without any metadata
 * (EXIF, GPS position, camera). The uploaded bytes are never stored.
 */
export async function reencodePhoto(upload: Uint8Array): Promise<PhotoResult> {
  if (upload.byteLength > MAX_PHOTO_BYTES) return { ok: false, error: "err_photoSize" };
  try {
    const image = sharp(upload, { limitInputPixels: 50_000_000, failOn: "error" });
    const meta = await image.metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) return { ok: false, error: "err_photoType" };
    // sharp drops metadata unless asked to keep it; rotate() applies the EXIF orientation first.
    const bytes = await image.rotate().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
    return { ok: true, bytes, type: "image/jpeg" };
  } catch {
    return { ok: false, error: "err_photoType" };
  }
}
