/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA is served by the arena from classpath:/static, so it is built straight into the
// module's target/classes/static and travels in the jar. Hash routing means the server needs
// no SPA fallback route.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
