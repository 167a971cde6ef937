// The console's build: `vite build --outDir <build>/web` (scripts/build-web.sh) writes index.html
// and content-hashed files under assets/, which `hearth serve` caches for a year (immutable).
// `vite` alone serves it for development, with /api proxied to a `hearth serve` on :8080.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      output: {
        // The libraries change less often than the pages: their own chunks stay cached.
        // ECharts is left to Rollup, which puts the parts the chart pages import (its core, the
        // line and treemap charts, the components they use) in a chunk of their own; naming
        // 'echarts' here would take the whole library. (A function splitting node_modules by
        // path made the react and vendor chunks import each other, and the app did not start.)
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          antd: ['antd', '@ant-design/icons'],
          pro: ['@ant-design/pro-components'],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
