// The peer's build: the same React plugin and target as the console (../../../vite.config.ts), no
// source maps, output in dist/ (git-ignored), served by the console's own server (server/serve.ts).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // One chunk of about 1 MB is what react-admin gives without code splitting: no warning for it.
  build: {
    sourcemap: false,
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  logLevel: 'warn',
});
