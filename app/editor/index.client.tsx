/**
 * The editor's entry for lazy loading. The `.client` suffix makes Remix replace this module with
 * an empty one in the server build, so neither the server bundle nor any reader page carries
 * Tiptap, Yjs or the editor; the edit page imports it with React.lazy behind <ClientOnly>.
 */
export { default } from "./chapter-editor.tsx";
