// The public face of src/core/async: what code outside this folder may use.
export * from './sleep';
