import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    tailwindcss(),
    remix({
      // Parallel work (several checkouts' test runs) can build into separate folders.
      buildDirectory: process.env.REMIX_BUILD_DIR ?? "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  // Vite does not read package.json "imports"; give the same aliases to the bundler.
  resolve: {
    alias: [{ find: /^#app\/(.*)$/, replacement: new URL("./app/$1", import.meta.url).pathname }],
  },
  build: {
    // The server bundle keeps node_modules external; the generated Prisma client is app code.
    target: "es2022",
  },
});
