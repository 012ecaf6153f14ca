export * from './organisations';
export * from './users';
export * from './patients';
export * from './consents';
export * from './timeline';
export * from './audit';
export * from './carers';
