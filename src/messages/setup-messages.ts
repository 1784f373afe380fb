// What the person running the bot reads when its setup is wrong: configuration, database, migrations.
// Chinese and English, since whoever installs it may read either.

export const setupTexts = {
  invalidConfiguration: (problems: number) => `配置有误 / invalid configuration (${problems}):`,
  seeDocs: "See .env.example and README.md.",
  databaseNotSupported: (url: string) =>
    `DATABASE_URL "${url}" is not supported yet: only SQLite (file:…) works for now. 暂不支持该数据库，请使用 file:./data/shutdown.db`,
  migrationFailed: (output: string) => `数据库迁移失败 / migration failed:\n${output}`,
};
