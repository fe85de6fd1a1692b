/**
 * Cleans HTML pasted from Word or Google Docs before ProseMirror parses it. The schema already
 * drops marks and nodes it does not know; this removes what would otherwise be misread: Google
 * Docs wraps everything in `<b style="font-weight:normal">` (which would make it all bold), and
 * Word writes lists as paragraphs with `mso-list` styles and a bullet character as text.
 */
export function cleanPastedHtml(html: string): string {
  if (!/docs-internal-guid|mso-|class="?Mso|urn:schemas-microsoft-com/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");

  // Google Docs: the wrapper is bold only by tag, never by style.
  for (const wrapper of Array.from(doc.querySelectorAll('b[id^="docs-internal-guid"], b[style*="font-weight:normal"], b[style*="font-weight: normal"]'))) {
    wrapper.replaceWith(...Array.from(wrapper.childNodes));
  }

  // Word: metadata, conditional comments' leftovers and empty <o:p> paragraphs markers.
  for (const junk of Array.from(doc.querySelectorAll("style, meta, link, xml, title"))) junk.remove();
  for (const element of Array.from(doc.body.getElementsByTagName("*"))) {
    if (element.tagName.toLowerCase().startsWith("o:")) element.replaceWith(...Array.from(element.childNodes));
  }
  wordListsToLists(doc);
  for (const element of Array.from(doc.querySelectorAll("[class], [style]"))) {
    const classes = (element.getAttribute("class") ?? "").split(/\s+/).filter((c) => c && !/^mso/i.test(c));
    if (classes.length > 0) element.setAttribute("class", classes.join(" "));
    else element.removeAttribute("class");
    const style = (element.getAttribute("style") ?? "")
      .split(";")
      .filter((declaration) => declaration.trim() && !/^\s*mso-/i.test(declaration))
      .join(";");
    if (style) element.setAttribute("style", style);
    else element.removeAttribute("style");
  }
  return doc.body.innerHTML;
}

/** Word's list paragraphs (style `mso-list`) as real <ul>/<ol> lists (one level). */
function wordListsToLists(doc: Document): void {
  let current: HTMLElement | null = null;
  for (const paragraph of Array.from(doc.body.querySelectorAll("p"))) {
    const style = paragraph.getAttribute("style") ?? "";
    if (!/mso-list:\s*l\d/i.test(style)) {
      current = null;
      continue;
    }
    const marker = paragraph.querySelector('[style*="mso-list:Ignore"], [style*="mso-list: Ignore"]');
    const markerText = marker?.textContent?.trim() ?? "";
    marker?.remove();
    const ordered = /^[\dA-Za-z]{1,3}[.)]$/.test(markerText);
    const tag = ordered ? "ol" : "ul";
    const previous = paragraph.previousElementSibling;
    if (!current || previous !== current || current.tagName.toLowerCase() !== tag) {
      current = doc.createElement(tag);
      paragraph.before(current);
    }
    const item = doc.createElement("li");
    const content = doc.createElement("p");
    content.innerHTML = paragraph.innerHTML.replace(/^(\s|&nbsp;)+/, "");
    item.appendChild(content);
    current.appendChild(item);
    paragraph.remove();
  }
}
