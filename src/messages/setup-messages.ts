// What the person running the bot reads when its setup is wrong: configuration, database, migrations.
// Chinese and English, since whoever installs it may read either.

export const setupTexts = {
  invalidConfiguration: (problems: number) => `配置有误 / invalid configuration (${problems}):`,
  seeDocs: "See .env.example and README.md.",
  databaseNotSupported: (url: string) =>
    `DATABASE_URL "${url}" is neither SQLite (file:./data/shutdown.db) nor PostgreSQL (postgresql://user:password@host:5432/database). 不支持该数据库地址：请用 file:./data/shutdown.db（SQLite）或 postgresql://用户:密码@主机:5432/库名（PostgreSQL）`,
  migrationFailed: (output: string) => `数据库迁移失败 / migration failed:\n${output}`,
};
