// One n8n with this package installed from its packed tarball, plus the sandbox of the four APIs:
// the whole stack behind `npm run dev` and `npm run test:e2e`. Regular mode runs one n8n on SQLite;
// queue mode runs Postgres + Redis, one main, two workers and one webhook process.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { ensureN8n } = require('./n8n-install');
const { buildAndPack, installIntoUserFolder } = require('./package');
const { baseEnv, startN8nProcess, N8nClient } = require('./n8n');
const { startPostgres, startRedis } = require('./services');
const { freePort } = require('./proc');
const { startSandbox } = require('../sandbox');

/**
 * Starts everything under `workDir` (wiped first). Options: mode 'regular' | 'queue', workers (queue),
 * tarball (reuse a packed tarball), log (progress lines), version (the n8n version; default `N8N_VERSION`
 * from the environment, else 2.41.1). Returns { sandbox, url, webhookUrl, client, install, version,
 * features, processes, tarball, stop() }; stop() ends everything it started, in reverse order.
 */
async function startStack({ workDir, mode = 'regular', workers = 2, tarball, log = () => {}, sandboxOptions = {}, version }) {
	const started = [];
	const stop = async () => {
		for (const item of started.reverse()) {
			try {
				await item.stop();
			} catch (e) {
				log(`could not stop ${item.name}: ${e.message}`);
			}
		}
		started.length = 0;
	};
	try {
		const install = await ensureN8n({ log, ...(version ? { version } : {}) });
		log(`n8n ${install.version} on Node ${install.nodeVersion} (${install.dir})`);
		fs.rmSync(workDir, { recursive: true, force: true });
		fs.mkdirSync(workDir, { recursive: true });
		const logs = path.join(workDir, 'logs');
		fs.mkdirSync(logs);
		if (!tarball) {
			log('building and packing the package (npm run build, npm pack)');
			({ tarball } = await buildAndPack(path.join(workDir, 'pack')));
		}
		const userFolder = path.join(workDir, 'n8n-user');
		await installIntoUserFolder(tarball, userFolder);
		log(`installed ${path.basename(tarball)} into ${path.join(userFolder, '.n8n', 'nodes')}`);

		const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', ...sandboxOptions });
		started.push({ name: 'sandbox', stop: () => sandbox.close() });
		log(`sandbox of the four APIs on ${sandbox.url}`);

		const encryptionKey = crypto.randomBytes(24).toString('hex');
		const extra = {};
		let webhookPort;
		if (mode === 'queue') {
			const pg = await startPostgres(path.join(workDir, 'postgres'), { logFile: path.join(logs, 'postgres.log') });
			started.push(pg);
			const redis = await startRedis(path.join(workDir, 'redis'), { logFile: path.join(logs, 'redis.log') });
			started.push(redis);
			log(`queue mode: Postgres on 127.0.0.1:${pg.port}, Redis on 127.0.0.1:${redis.port}`);
			webhookPort = await freePort();
			Object.assign(extra, {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(pg.port),
				DB_POSTGRESDB_DATABASE: pg.database,
				DB_POSTGRESDB_USER: pg.user,
				DB_POSTGRESDB_PASSWORD: '',
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				// Manual runs go to the workers too, as in a production queue-mode setup.
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				// Production webhooks are served by the webhook process; triggers register this address.
				WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			});
		} else {
			extra.DB_TYPE = 'sqlite';
		}
		const env = baseEnv({ userFolder, encryptionKey, extra });
		log(`starting n8n${mode === 'queue' ? ' main' : ''} (first start runs database migrations)`);
		const main = await startN8nProcess({ install, command: 'start', env, logFile: path.join(logs, 'n8n-main.log'), name: 'n8n main', log });
		started.push(main.proc);
		const processes = { main };
		let webhookBase = main.url;
		if (mode === 'queue') {
			// Workers and the webhook process start together; each one's failure stops the stack.
			const boots = [];
			for (let i = 1; i <= workers; i += 1) {
				boots.push(startN8nProcess({ install, command: 'worker', env, logFile: path.join(logs, `n8n-worker-${i}.log`), name: `n8n worker ${i}`, log }));
			}
			boots.push(
				startN8nProcess({ install, command: 'webhook', env, port: webhookPort, logFile: path.join(logs, 'n8n-webhook.log'), name: 'n8n webhook', log }),
			);
			const results = await Promise.allSettled(boots);
			for (const r of results) if (r.status === 'fulfilled') started.push(r.value.proc);
			const failed = results.find((r) => r.status === 'rejected');
			if (failed) throw failed.reason;
			const webhook = results.pop().value;
			processes.workers = results.map((r) => r.value);
			processes.webhook = webhook;
			webhookBase = webhook.url;
			log(`queue mode: ${workers} workers and a webhook process on ${webhook.url}`);
		}
		return {
			sandbox,
			url: main.url,
			webhookBase,
			client: new N8nClient(main.url, { features: install.features }),
			install,
			version: install.version,
			features: install.features,
			processes,
			tarball,
			workDir,
			stop,
		};
	} catch (e) {
		await stop();
		throw e;
	}
}

module.exports = { startStack };
