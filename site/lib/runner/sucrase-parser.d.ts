/**
 * Sucrase's parser and token kinds, which its package ships as CommonJS without
 * declarations beside them: typed from the declarations it ships under dist/types/.
 * Used by import-scan.ts to read a file's imports from Sucrase's tokens.
 */
declare module 'sucrase/dist/parser/index.js' {
  export { parse } from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export { TokenType } from 'sucrase/dist/types/parser/tokenizer/types';
}
declare module 'sucrase/dist/parser/tokenizer/keywords.js' {
  export { ContextualKeyword } from 'sucrase/dist/types/parser/tokenizer/keywords';
}
// The CommonJS entry, named so that a bundle holds one copy of the parser (the tokens' and the transform's).
declare module 'sucrase/dist/index.js' {
  export { transform } from 'sucrase';
}
