import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The BFF serves the built app and the API from one origin; in development Vite proxies to it so
// cookies, CSRF and socket.io behave exactly as in production.
const bff = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: bff, changeOrigin: false },
      '/socket.io': { target: bff, ws: true, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1', port: 5173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
});
