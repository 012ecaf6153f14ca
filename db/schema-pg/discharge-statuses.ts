// Plain values shared by both engines: the PostgreSQL tree re-exports the SQLite tree's.
export * from '../schema/discharge-statuses';
