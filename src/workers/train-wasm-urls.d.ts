// Vite turns `import url from 'file?url'` into the URL of the file copied into the build (same
// origin). The worker tsconfig has no vite/client types, so the one form used here is declared.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
