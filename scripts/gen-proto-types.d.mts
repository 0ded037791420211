// Types of gen-proto-types.mjs, for the test that keeps the generated code current.
export declare const PROTO_FILE: string;
export declare const DEFAULT_OUT_DIR: string;
export declare const LOADER_OPTIONS: Readonly<{
  keepCase: boolean;
  longs: 'Number';
  enums: 'String';
  defaults: boolean;
  oneofs: boolean;
}>;
/** Generates the types into outDir (relative to the repo root), replacing it; returns its absolute path. */
export declare function generateProtoTypes(outDir?: string): string;
