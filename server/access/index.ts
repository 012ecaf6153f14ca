export * from './actor';
export * from './permissions';
export * from './policy';
export * from './sharing-rules';
export * from './load-patient-facts';
export * from './filter-accessible';
export * from './decide-for-patient';
