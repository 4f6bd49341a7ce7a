import { A } from "@solidjs/router";

/** The app name with its mark; the mark is decorative, the name is the link text. */
export function Brand(props: { href: string }) {
  return (
    <A href={props.href} class="brand" end>
      <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" />
        <g>
          <circle cx="16" cy="8" r="2.6" />
          <path d="M16 10.6V26M11 15h10M7.5 19.5c0 3.8 3.8 6.5 8.5 6.5s8.5-2.7 8.5-6.5" />
        </g>
      </svg>
      <span class="brand__name">Ancrage</span>
    </A>
  );
}

/** First link of every page: keyboard users jump over the header to the page's content. */
export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: the router would take the hash for a navigation; focus moves by hand.
    <a
      class="skip-link"
      href="#contenu"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById("contenu")?.focus();
      }}
    >
      Aller au contenu
    </a>
  );
}
