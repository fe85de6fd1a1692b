import type { MetaDescriptor } from "@remix-run/node";

/** What a public page tells search engines and link previews about itself (absolute URLs). */
export type SocialMeta = {
  title: string;
  description: string;
  url: string;
  image?: string | null;
  /** Open Graph type: "book" for a book, "article" for a chapter, "website" otherwise. */
  type: "book" | "article" | "website";
  locale?: string;
};

/**
 * `<title>`, description, canonical link and the Open Graph tags of a public page, from one
 * object, so the book and chapter pages cannot disagree about their own address.
 */
export function socialMeta(page: SocialMeta): MetaDescriptor[] {
  return [
    { title: page.title },
    { name: "description", content: page.description },
    { tagName: "link", rel: "canonical", href: page.url },
    { property: "og:title", content: page.title },
    { property: "og:description", content: page.description },
    { property: "og:type", content: page.type },
    { property: "og:url", content: page.url },
    { property: "og:site_name", content: "Kapittel" },
    ...(page.locale ? [{ property: "og:locale", content: page.locale === "en" ? "en_GB" : "nl_NL" }] : []),
    ...(page.image ? [{ property: "og:image", content: page.image }] : []),
  ];
}
