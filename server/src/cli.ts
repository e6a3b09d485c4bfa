/**
 * `pnpm cli <command>`. Each command loads what it needs when it runs (dynamic import): `validate`
 * loads the engine and one dictionary, never the ORM, GraphQL or the app; the database commands
 * load those. Relative imports name the .ts file: tsc rewrites it to .js in server/dist, and
 * `pnpm cli` runs the sources as they are.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig } from './kernel/config';
import type { OpenedDatabase } from './app/server';
import type { AppServices } from './kernel/services';
import { StartupError } from './kernel/startup-error';
import { todayInAmsterdam } from './common/calendar';
import { CliUsageError } from './common/cli-args';

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

/**
 * Opens the configured database (embedded when DATABASE_URL is unset), applies migrations (as the
 * owner) and registers the dictionaries, runs `work` as the application role, and closes everything.
 */
async function withDatabase(work: (orm: MikroORM, services: AppServices, database: OpenedDatabase) => Promise<void>): Promise<void> {
  // Decorator metadata (MikroORM entities, type-graphql types) needs reflect-metadata loaded first.
  await import('reflect-metadata');
  const { createLogger } = await import('./kernel/logger.ts');
  const { createServices, openDatabase } = await import('./app/server.ts');
  const { openOrm } = await import('./db/orm.ts');
  const { loadDictionaryCatalogue, registerDictionaries } = await import('./dictionaries/dictionary-catalogue.ts');
  const { registerSchedules } = await import('./overviews/module.ts');
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const logger = createLogger(config.logLevel);
  const dictionaries = await loadDictionaryCatalogue(config.dictionariesDir);
  const database = await openDatabase(config, logger);
  try {
    const orm = await openOrm(database.appUrl);
    try {
      await registerDictionaries(orm.em.fork(), dictionaries, todayInAmsterdam());
      await registerSchedules(orm.em.fork(), dictionaries);
      await work(orm, await createServices(config, orm, logger, dictionaries), database);
    } finally {
      await orm.close();
    }
  } finally {
    await database.embedded?.stop();
  }
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'apply the committed database migrations that are not applied yet',
    async run() {
      await withDatabase(async (_orm, _services, { applied }) => {
        process.stderr.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n');
      });
      return 0;
    },
  },
  seed: {
    summary: 'add the demo institutions and registries that are missing (matched by code)',
    async run() {
      await withDatabase(async (_orm, services) => {
        const { seedDemoData } = await import('./db/seeds/demo.ts');
        const { delivered, unexpected } = await seedDemoData(services);
        process.stderr.write(`demo data present (${delivered} demo deliveries processed${unexpected ? `, ${unexpected} not as planned` : ''})\n`);
      });
      return 0;
    },
  },
  'migration:create': {
    summary: 'for developers: write a migration for the difference between the entities and the database',
    async run() {
      // The schema is compared as its owner sees it.
      await withDatabase(async (_orm, _services, { ownerUrl }) => {
        const { openOrm } = await import('./db/orm.ts');
        const owner = await openOrm(ownerUrl);
        try {
          const result = await owner.getMigrator().createMigration();
          process.stderr.write(result.fileName ? `wrote ${result.fileName}; add it to db/migrations/index.ts\n` : 'no changes\n');
        } finally {
          await owner.close();
        }
      });
      return 0;
    },
  },
  validate: {
    summary:
      'validate FILE [--dictionary CAT/Cataract/1.4] [--period 2026K1] [--format table|json|csv] [--lang nl|en]: check a file without server or database',
    async run(args) {
      const { runValidateCommand } = await import('./file-check/validate.command.ts');
      return runValidateCommand(args, { stdout: process.stdout, stderr: process.stderr });
    },
  },
  user: {
    summary: 'user create --email E --name N --role ROLE [--institution CODE | --organisation NAME] [--registry CODE …] [--password P]',
    async run(args) {
      if (args[0] !== 'create') throw new CliUsageError('usage: pnpm cli user create --email E --name N --role ROLE …');
      let code = 1;
      await withDatabase(async (_orm, services) => {
        const { createUserCommand } = await import('./access/cli-commands.ts');
        code = await createUserCommand(services, args.slice(1), process.stdout);
      });
      return code;
    },
  },
  token: {
    summary: 'token create --email E [--name N] [--days D]: prints only the new API token on stdout',
    async run(args) {
      if (args[0] !== 'create') throw new CliUsageError('usage: pnpm cli token create --email E [--name N] [--days D]');
      let code = 1;
      await withDatabase(async (_orm, services) => {
        const { createTokenCommand } = await import('./access/cli-commands.ts');
        code = await createTokenCommand(services, args.slice(1), process.stdout);
      });
      return code;
    },
  },
  reminders: {
    summary: 'reminders [--as-of YYYY-MM-DD]: mail the reminders due that day (default today); a second run on a day sends nothing',
    async run(args) {
      let code = 1;
      await withDatabase(async (_orm, services) => {
        const { remindersCommand } = await import('./overviews/reminders/reminders.command.ts');
        code = await remindersCommand(services, args, process.stdout);
      });
      return code;
    },
  },
  help: {
    summary: 'list the commands',
    async run() {
      process.stdout.write('Usage: pnpm cli <command> [options]\n\nCommands:\n');
      for (const [name, command] of Object.entries(commands)) process.stdout.write(`  ${name.padEnd(18)} ${command.summary}\n`);
      process.stdout.write('\nThe database is DATABASE_URL, or the embedded one under DATAHUB_DATA_DIR (stop the server first).\n');
      return 0;
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}". Run "pnpm cli help" for the list.\n`);
    return 2;
  }
  return command.run(args);
}

/** Exit only once stdout is flushed: a pipe (`cli validate … | jq`) must get the whole report. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

// A reader that stops early (`pnpm -s cli validate … | head`) closes the pipe: end quietly, with the
// status a shell gives a process ended by SIGPIPE (128 + 13), instead of a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(141);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => exitAfterFlush(code),
  (error: unknown) => {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof ConfigError) process.stderr.write(`datahub: invalid configuration: ${error.problems.join(' ')}\n`);
    else if (error instanceof StartupError) process.stderr.write(`datahub: ${error.message}\n`);
    else process.stderr.write(`datahub: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
