// The public face of src/main/app: what code outside this folder may use.
export * from './login-item';
export * from './first-run';
export * from './app-menu';
