/**
 * The seed's three mail icons (✉ 📦 📄) drawn in SVG: emoji fonts are missing on many phones.
 * Stroke settings come from CSS (.icon), so the markup stays static (no spread at run time).
 */
export const EnvelopeIcon = () => (
  <svg class="icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="m3 7 9 6 9-6" />
  </svg>
);

export const ParcelIcon = () => (
  <svg class="icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
    <path d="M21 8 12 3 3 8v8l9 5 9-5z" />
    <path d="m3 8 9 5 9-5M12 13v8M7.5 5.5l9 5" />
  </svg>
);

export const NoticeIcon = () => (
  <svg class="icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
    <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
    <path d="M14 3v6h6M8 13h8M8 17h5" />
  </svg>
);
