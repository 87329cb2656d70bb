// Free ports are picked by the OS and bound a moment later by the program that uses them; on a machine
// shared with other runs (and with every outgoing connection taking an ephemeral port) another program can
// take one in between. Starting again on fresh ports is the remedy; anything else fails as before.
'use strict';

const PORT_CLASH = /EADDRINUSE|address already in use|could not bind|could not create listen socket/i;

/**
 * Runs `start(attempt)` (which picks its own free ports) and, when it failed because a port was taken
 * meanwhile, runs it again, up to `attempts` times.
 */
async function retryOnPortClash(what, start, { attempts = 3, log = () => {} } = {}) {
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await start(attempt);
		} catch (e) {
			if (attempt >= attempts || !PORT_CLASH.test(String(e && e.message))) throw e;
			log(`${what}: a port was taken by another program meanwhile; starting again on fresh ports (attempt ${attempt + 1} of ${attempts})`);
		}
	}
}

module.exports = { retryOnPortClash, PORT_CLASH };
