// Vite bundles imported stylesheets into a file next to the scripts (no inline styles needed).
declare module '*.css';
