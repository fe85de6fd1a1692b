/**
 * A book's cover at a fixed 2:3 box with its width and height given, so the page does not move
 * when the image arrives (an uploaded cover of another shape is fitted inside, not stretched).
 */
export function BookCover({ url, alt, className = "" }: { url: string; alt: string; className?: string }) {
  return (
    <img
      src={url}
      alt={alt}
      width={320}
      height={480}
      decoding="async"
      className={`aspect-[2/3] h-auto w-full rounded-sm bg-stone-100 object-contain shadow-md ${className}`}
    />
  );
}
