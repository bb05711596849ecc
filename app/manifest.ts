import type { MetadataRoute } from "next";

// Makes EST installable on a phone's home screen; the report form then opens in its own window
// and works without network (public/sw.js).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "EST – Effektiv samordning för trygghet",
    short_name: "EST",
    description: "Rapportera händelser och följ lägesbilden i EST.",
    lang: "sv",
    start_url: "/incidents/new",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1f4e8c",
    icons: [
      { src: "/icons/est-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/est-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/est-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
