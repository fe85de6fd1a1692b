import { imageSize } from "image-size";
import { readImage } from "#app/models/images.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";

/**
 * Gives every uploaded image in chapter HTML its width and height, so a reader's browser keeps
 * room for it before it arrives and the text does not jump (no layout shift). The editor stores
 * images without their size; the size is read from the stored file's header instead.
 */

type Size = { width: number; height: number } | null;

// Uploads are stored by the hash of their bytes and never change: a size, once read, is forever.
function sizeCache(): Map<string, Size> {
  return singleton("upload-image-sizes", () => new Map<string, Size>());
}

async function sizeOf(name: string): Promise<Size> {
  const cache = sizeCache();
  const known = cache.get(name);
  if (known !== undefined) return known;
  const image = await readImage(name);
  let size: Size = null;
  if (image) {
    try {
      const { width, height } = imageSize(image.bytes);
      size = width > 0 && height > 0 ? { width, height } : null;
    } catch {
      // An unreadable header: the image is shown without a size rather than the page failing.
    }
  }
  cache.set(name, size);
  return size;
}

const UPLOADED_IMG = /<img src="\/uploads\/([0-9a-f]{64}\.(?:png|jpg|gif|webp))"([^>]*?)\s*\/?>/g;

/** The HTML (already sanitized: attributes in double quotes) with sizes on its uploaded images. */
export async function withImageSizes(html: string): Promise<string> {
  const names = [...new Set([...html.matchAll(UPLOADED_IMG)].map((match) => match[1]!))];
  if (names.length === 0) return html;
  const sizes = new Map(await Promise.all(names.map(async (name) => [name, await sizeOf(name)] as const)));
  return html.replace(UPLOADED_IMG, (tag, name: string, rest: string) => {
    const size = sizes.get(name);
    if (!size || /\swidth=/.test(rest)) return tag;
    return `<img src="/uploads/${name}"${rest} width="${size.width}" height="${size.height}">`;
  });
}
