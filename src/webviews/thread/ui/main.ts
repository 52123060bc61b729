// The conversation page's entry point (bundled for the browser by esbuild.js).
export {};
