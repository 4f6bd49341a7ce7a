/** Small decorative icons (always aria-hidden: the text beside them says the same thing). */
const PATHS = {
  pin: "M9 2h6l-1 6 4 4v2h-5v6l-1 2-1-2v-6H6v-2l4-4z",
  renew:
    "M4 12a8 8 0 0 1 13.7-5.7L20 4v6h-6l2.3-2.3A5.5 5.5 0 0 0 6.5 12zm16 0a8 8 0 0 1-13.7 5.7L4 20v-6h6l-2.3 2.3A5.5 5.5 0 0 0 17.5 12z",
  close: "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z",
  mail: "M3 5h18v14H3zm2 2v.5l7 4.5 7-4.5V7zm0 2.8V17h14V9.8l-7 4.5z",
} as const;

export function Icon(props: { name: keyof typeof PATHS; class?: string }) {
  return (
    <svg class={`icon ${props.class ?? ""}`} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
      <path d={PATHS[props.name]} fill="currentColor" />
    </svg>
  );
}
