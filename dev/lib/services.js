// Private Postgres and Redis servers for queue mode, from Debian's packages, on free loopback ports,
// with their data in the run's scratch folder; stopped by the stack when it stops.
'use strict';
const fs = require('fs');
const path = require('path');
const { freePort, startProcess, runCommand, waitFor } = require('./proc');
const { retryOnPortClash } = require('./ports');

function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	for (const v of versions) {
		const bin = path.join(root, v, 'bin');
		if (fs.existsSync(path.join(bin, 'postgres'))) return bin;
	}
	throw new Error('PostgreSQL server not found under /usr/lib/postgresql: apt-get install -y postgresql');
}

/** Postgres refuses to run as root: as root, its files belong to, and it runs as, the `postgres` user. */
function asDbUser(cmd, args) {
	if (process.getuid && process.getuid() === 0) return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
	return [cmd, args];
}

async function startPostgres(dataRoot, { logFile }) {
	const bin = findPostgresBin();
	const dataDir = path.join(dataRoot, 'data');
	const socketDir = path.join(dataRoot, 'socket');
	fs.mkdirSync(dataDir, { recursive: true });
	fs.mkdirSync(socketDir, { recursive: true });
	if (process.getuid && process.getuid() === 0) await runCommand('chown', ['-R', 'postgres:postgres', dataRoot]);
	const user = 'n8n';
	await runCommand(...asDbUser(path.join(bin, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync']));
	// The port is picked free and bound a moment later: on a shared machine it may be taken in between.
	const { port, proc } = await retryOnPortClash('postgres', async (attempt) => {
		if (attempt > 1 && fs.existsSync(logFile)) fs.renameSync(logFile, `${logFile}.attempt${attempt - 1}`);
		const candidate = await freePort();
		const [cmd, args] = asDbUser(path.join(bin, 'postgres'), [
			'-D', dataDir, '-p', String(candidate), '-h', '127.0.0.1', '-k', socketDir, '-c', 'fsync=off', '-c', 'full_page_writes=off',
		]);
		const started = startProcess('postgres', cmd, args, { logFile });
		try {
			await waitFor(
				'Postgres to accept connections',
				async () => {
					try {
						await runCommand(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(candidate)]);
						return true;
					} catch {
						return false;
					}
				},
				{ timeoutMs: 180000, intervalMs: 300, failFast: () => (started.exited ? `postgres exited:\n${started.tail(20)}` : '') },
			);
		} catch (e) {
			await started.stop();
			throw e;
		}
		return { port: candidate, proc: started };
	});
	await runCommand(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n']);
	return { name: 'postgres', port, user, database: 'n8n', stop: () => proc.stop(), proc };
}

async function startRedis(dir, { logFile }) {
	fs.mkdirSync(dir, { recursive: true });
	const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => fs.existsSync(p));
	if (!bin) throw new Error('redis-server not found: apt-get install -y redis-server');
	const { port, proc } = await retryOnPortClash('redis', async (attempt) => {
		// Each attempt reads its own log: an earlier attempt's lines must not count as this one's readiness.
		if (attempt > 1 && fs.existsSync(logFile)) fs.renameSync(logFile, `${logFile}.attempt${attempt - 1}`);
		const candidate = await freePort();
		const started = startProcess('redis', bin, ['--port', String(candidate), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
			logFile,
		});
		try {
			await waitFor('Redis to accept connections', () => /Ready to accept connections/.test(started.log()), {
				timeoutMs: 120000,
				intervalMs: 200,
				failFast: () => (started.exited ? `redis exited:\n${started.tail(20)}` : ''),
			});
		} catch (e) {
			await started.stop();
			throw e;
		}
		return { port: candidate, proc: started };
	});
	return { name: 'redis', port, stop: () => proc.stop(), proc };
}

module.exports = { startPostgres, startRedis };
