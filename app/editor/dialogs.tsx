import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { Translate } from "#app/common/i18n/catalogue.ts";

/** Where the editor uploads images (app/routes/api.chapters.$chapterId.images.ts). */
export function imageUploadUrl(chapterId: string): string {
  return `/api/chapters/${encodeURIComponent(chapterId)}/images`;
}

/** A modal dialog with a heading, opened and closed by `open` (Escape closes it too). */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} className="editor-dialog" onClose={onClose}>
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** Sets, changes or removes the link on the selection. */
export function LinkDialog({ editor, open, onClose, t }: { editor: Editor; open: boolean; onClose: () => void; t: Translate }) {
  const [href, setHref] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  useEffect(() => {
    if (open) {
      setHref((editor.getAttributes("link").href as string | undefined) ?? "");
      setError(null);
    }
  }, [open, editor]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = href.trim();
    const withProtocol = /^[a-z]+:/i.test(value) ? value : `https://${value}`;
    if (!SAFE_LINK.test(withProtocol)) return setError(t("editor.linkDialog.invalid"));
    editor.chain().focus().extendMarkRange("link").setLink({ href: withProtocol }).run();
    onClose();
  };
  return (
    <Dialog open={open} title={t("editor.linkDialog.title")} onClose={onClose}>
      <form method="dialog" onSubmit={submit} className="mt-3 grid gap-3">
        <label htmlFor={inputId} className="text-sm font-medium">
          {t("editor.linkDialog.url")}
        </label>
        <input
          id={inputId}
          type="text"
          inputMode="url"
          value={href}
          onChange={(event) => setHref(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className="rounded border border-stone-400 px-3 py-2"
          autoFocus
        />
        {error && (
          <p id={`${inputId}-error`} className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="editor-primary">
            {t("editor.linkDialog.save")}
          </button>
          {editor.isActive("link") && (
            <button
              type="button"
              className="editor-secondary"
              onClick={() => {
                editor.chain().focus().extendMarkRange("link").unsetLink().run();
                onClose();
              }}
            >
              {t("editor.linkDialog.remove")}
            </button>
          )}
          <button type="button" className="editor-secondary" onClick={onClose}>
            {t("editor.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Uploads an image (asking for its alt text first) and inserts it at the cursor. */
export function ImageDialog({
  editor,
  open,
  onClose,
  t,
  chapterId,
  csrfToken,
}: {
  editor: Editor;
  open: boolean;
  onClose: () => void;
  t: Translate;
  chapterId: string;
  csrfToken: string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileId = useId();
  const altId = useId();
  useEffect(() => {
    if (open) {
      setFile(null);
      setAlt("");
      setError(null);
      setBusy(false);
    }
  }, [open]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.set("csrf", csrfToken);
    body.set("file", file);
    try {
      const response = await fetch(imageUploadUrl(chapterId), { method: "POST", body, headers: { Accept: "application/json" } });
      const result = (await response.json().catch(() => ({}))) as { url?: string; message?: string };
      if (!response.ok || !result.url) throw new Error(result.message ?? response.statusText);
      editor.chain().focus().setImage({ src: result.url, alt: alt.trim() }).run();
      onClose();
    } catch (failure) {
      setError(t("editor.imageDialog.failed", { message: failure instanceof Error ? failure.message : String(failure) }));
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} title={t("editor.imageDialog.title")} onClose={onClose}>
      <form method="dialog" onSubmit={(event) => void submit(event)} className="mt-3 grid gap-3">
        <label htmlFor={fileId} className="text-sm font-medium">
          {t("editor.imageDialog.file")}
        </label>
        <input id={fileId} type="file" accept="image/png,image/jpeg,image/webp,image/gif" required onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <label htmlFor={altId} className="text-sm font-medium">
          {t("editor.imageDialog.alt")}
        </label>
        <textarea
          id={altId}
          value={alt}
          onChange={(event) => setAlt(event.target.value)}
          aria-describedby={`${altId}-hint`}
          rows={2}
          className="rounded border border-stone-400 px-3 py-2"
        />
        <p id={`${altId}-hint`} className="text-sm text-stone-600">
          {t("editor.imageDialog.altHint")}
        </p>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="editor-primary" disabled={!file || busy}>
            {busy ? t("editor.imageDialog.uploading") : t("editor.imageDialog.insert")}
          </button>
          <button type="button" className="editor-secondary" onClick={onClose}>
            {t("editor.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
