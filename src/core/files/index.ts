// The public face of src/core/files: what code outside this folder may use.
export { writeFileAtomic } from './atomic-write';
