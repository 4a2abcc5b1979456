import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The page: `vite build` writes dist/, which the dashboard server serves at `/` beside the API.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The program (zod schemas, its statechart's XState) is in the page for its labels.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      onwarn(warning, warn) {
        // @maslul/timing reads `RRule` from rrule's named export, falling back to its default
        // export for CommonJS interop; in this ESM build the named one is there.
        if (warning.code === 'IMPORT_IS_UNDEFINED' && warning.message.includes('rrule')) return;
        warn(warning);
      },
    },
  },
});
