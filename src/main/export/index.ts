// The public face of src/main/export: what code outside this folder may use.
export * from './export-flow';
