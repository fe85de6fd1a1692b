import type { Locator, Page } from "playwright-core";

/** Selects a phrase in the chapter editor as a mouse drag would (a DOM selection ProseMirror picks up). */
export async function selectText(page: Page, phrase: string): Promise<void> {
  await page.locator(".ProseMirror").getByText(phrase, { exact: false }).first().waitFor();
  await page.evaluate((text) => {
    const editor = document.querySelector(".ProseMirror") as HTMLElement;
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(text) ?? -1;
      if (index >= 0) {
        editor.focus();
        window.getSelection()!.setBaseAndExtent(node, index, node, index + text.length);
        return;
      }
    }
    throw new Error(`"${text}" is not in the editor`);
  }, phrase);
}

/** An element's text in the editor without other people's caret labels (which sit inside the text). */
export function textOf(locator: Locator): Promise<string> {
  return locator.first().evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });
}
