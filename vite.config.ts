// Builds and serves the renderer (renderer/index.html). The same build is what Electron loads over app:// and
// what `npm run web` serves on localhost.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The development server injects CSS as inline <style> elements and reloads over a websocket, both of which the
 * page's strict policy refuses; while serving for development only, allow them. Built pages (and Electron) keep
 * the strict policy.
 */
function devServerStyles(): Plugin {
  return {
    name: 'casescore-dev-server-styles',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*"),
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devServerStyles()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // The first screen's JavaScript is the entry and the chunks it preloads; the other screens and the work on
    // files are chunks of their own, loaded on first use (docs/speed.md). The budget that matters is the first
    // screen's gzipped size, which the benchmarks measure.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // shared/ is pure code (no module of it is run for what it does on import): a module of it is bundled
      // only where something it exports is used, so importing one function through a barrel
      // (`#shared/interchange`) does not bring the barrel's other modules along.
      treeshake: { moduleSideEffects: (id) => !/[\\/]shared[\\/].*\.ts$/.test(id) },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
