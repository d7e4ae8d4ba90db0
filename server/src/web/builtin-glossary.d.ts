// The module scripts/build.mjs makes for the web bundle: the built-in glossary (its YAML text and the
// digest the build made of it) and the package's version, inlined into dist/web/server.js.
declare module 'kpo:builtin-glossary' {
  export const text: string;
  export const digest: string | undefined;
  export const version: string;
}
