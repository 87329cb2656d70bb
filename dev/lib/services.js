// Private Postgres and Redis servers for queue mode, from Debian's packages, on free loopback ports,
// with their data in the run's scratch folder; stopped by the stack when it stops.
'use strict';
const fs = require('fs');
const path = require('path');
const { freePort, startProcess, runCommand, waitFor } = require('./proc');

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
	const port = await freePort();
	const dataDir = path.join(dataRoot, 'data');
	const socketDir = path.join(dataRoot, 'socket');
	fs.mkdirSync(dataDir, { recursive: true });
	fs.mkdirSync(socketDir, { recursive: true });
	if (process.getuid && process.getuid() === 0) await runCommand('chown', ['-R', 'postgres:postgres', dataRoot]);
	const user = 'n8n';
	await runCommand(...asDbUser(path.join(bin, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync']));
	const [cmd, args] = asDbUser(path.join(bin, 'postgres'), [
		'-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', socketDir, '-c', 'fsync=off', '-c', 'full_page_writes=off',
	]);
	const proc = startProcess('postgres', cmd, args, { logFile });
	await waitFor(
		'Postgres to accept connections',
		async () => {
			try {
				await runCommand(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
				return true;
			} catch {
				return false;
			}
		},
		{ timeoutMs: 60000, intervalMs: 300, failFast: () => (proc.exited ? `postgres exited:\n${proc.tail(20)}` : '') },
	);
	await runCommand(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n']);
	return { name: 'postgres', port, user, database: 'n8n', stop: () => proc.stop(), proc };
}

async function startRedis(dir, { logFile }) {
	const port = await freePort();
	fs.mkdirSync(dir, { recursive: true });
	const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => fs.existsSync(p));
	if (!bin) throw new Error('redis-server not found: apt-get install -y redis-server');
	const proc = startProcess('redis', bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		logFile,
	});
	await waitFor('Redis to accept connections', () => /Ready to accept connections/.test(proc.log()), {
		timeoutMs: 30000,
		intervalMs: 200,
		failFast: () => (proc.exited ? `redis exited:\n${proc.tail(20)}` : ''),
	});
	return { name: 'redis', port, stop: () => proc.stop(), proc };
}

module.exports = { startPostgres, startRedis };
