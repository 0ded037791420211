// The public face of src/main/tray: what code outside this folder may use.
export * from './app-tray';
export * from '../../shared/glance-title';
export * from './tell';
export * from './visibility';
