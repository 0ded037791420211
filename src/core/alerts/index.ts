// The public face of src/core/alerts: what code outside this folder may use.
export * from './engine';
