export * from '../modules/reference/tables.ts';
export * from '../modules/accounts/tables.ts';
export * from '../platform/tables.ts';
export * from '../modules/situation/tables.ts';
