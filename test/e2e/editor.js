// The editor as a user sees it: Debian's Chromium (headless, driven by puppeteer-core) signs in, opens
// the example workflows and every node's panel, and fails on any unknown or missing node.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { OWNER } = require('../../dev/lib/setup');
const { log, repoRoot, NODE_TYPES, PACKAGE } = require('./helpers');

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
// What n8n shows for a node type it does not know (missing package, failed load).
const UNKNOWN_NODE = /Install this node|not (currently )?installed|Unrecognized node type|node is not known|unknown node/i;
// Every wait in the browser: long enough for a loaded machine, still a deadline (nothing sleeps a fixed time).
const WAIT_MS = 180000;

// The walk's budget grows with the work (each step already waits with its own deadline): a workflow
// and its new panels took 20–40 s at load average 15, so the 12 examples ran past a flat 5 minutes.
const EXAMPLE_WORKFLOWS = fs.readdirSync(path.join(repoRoot, 'dev', 'workflows')).filter((file) => file.endsWith('.json')).length;
const EDITOR_TIMEOUT_MS = (3 + 2 * EXAMPLE_WORKFLOWS) * 60_000;

function chromiumPath() {
	const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p) => p && fs.existsSync(p));
	if (!found) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
	return found;
}

async function launch(userDataDir) {
	const puppeteer = require('puppeteer-core');
	return puppeteer.launch({
		executablePath: chromiumPath(),
		headless: true,
		// Root in CI needs --no-sandbox; the network flags keep Chromium from calling home on a closed network.
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			`--user-data-dir=${userDataDir}`,
			'--window-size=1280,800',
		],
		defaultViewport: { width: 1280, height: 800 },
	});
}

async function signIn(page, baseUrl) {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
	const email = await page.waitForSelector('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]', { timeout: WAIT_MS });
	await email.type(OWNER.email);
	const password = await page.waitForSelector('input[type="password"]');
	await password.type(OWNER.password);
	await password.press('Enter');
	await page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: WAIT_MS });
}

/** Opens a workflow and waits until its nodes are on the canvas; returns the canvas node names. */
async function openWorkflow(page, baseUrl, workflow) {
	await page.goto(`${baseUrl}/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: WAIT_MS });
	await page.waitForFunction(
		(count) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= count,
		{ timeout: WAIT_MS },
		workflow.nodes.length,
	);
	return page.$$eval('[data-test-id="canvas-node"]', (els) => els.map((el) => el.getAttribute('data-node-name') || el.textContent.trim()));
}

/** Every node of this package on the canvas must show its own icon, loaded from the package (an unknown node gets n8n's "?" instead). */
async function assertIcons(page, workflowName) {
	const selector = `[data-test-id="canvas-node"][data-node-type^="${PACKAGE}."]`;
	// The canvas shows the nodes before their icons have arrived (a busy machine makes this visible):
	// wait until each node has its image and the image is done, loaded or broken; the checks below then
	// tell which (a node still without an image after the deadline is reported by them too).
	await page
		.waitForFunction(
			(sel) => [...document.querySelectorAll(sel)].every((el) => el.querySelector('img') && el.querySelector('img').complete),
			{ timeout: WAIT_MS },
			selector,
		)
		.catch(() => {});
	const icons = await page.$$eval(selector, (els) =>
		els.map((el) => {
			const img = el.querySelector('img');
			return { name: el.getAttribute('data-node-name'), src: img ? img.getAttribute('src') : null, loaded: !!img && img.complete && img.naturalWidth > 0 };
		}),
	);
	assert.ok(icons.length > 0, `"${workflowName}" shows none of the package's nodes`);
	for (const icon of icons) {
		assert.ok(icon.src && icon.src.includes(`/icons/${PACKAGE}/`), `node "${icon.name}" in "${workflowName}" has no package icon (src ${icon.src})`);
		assert.ok(icon.loaded, `the icon of node "${icon.name}" in "${workflowName}" did not load (${icon.src})`);
	}
}

/** Selects a node on the canvas and opens its panel with Enter, as a keyboard user would; returns the panel's text. */
async function openPanel(page, nodeName) {
	const handle = await page.$(`[data-test-id="canvas-node"][data-node-name="${nodeName.replace(/"/g, '\\"')}"]`);
	assert.ok(handle, `node "${nodeName}" is on the canvas`);
	const box = await handle.boundingBox();
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	await page.keyboard.press('Enter');
	const ndv = await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', { visible: true, timeout: WAIT_MS });
	assert.ok(ndv, `the panel of "${nodeName}" opened`);
	const title = await page.$eval('[data-test-id="ndv"] [data-test-id="node-title-container"]', (el) => el.innerText.trim());
	assert.ok(title.includes(nodeName), `the open panel is titled "${title}", expected "${nodeName}"`);
	// A known node renders its parameters (Resource, Operation, Events, Token …); an unknown one cannot.
	const inputs = await page.$$('[data-test-id="ndv"] [data-test-id^="parameter-input-"]');
	assert.ok(inputs.length >= 1, `the panel of "${nodeName}" shows no parameters`);
	return page.$eval('[data-test-id="ndv"]', (el) => el.innerText);
}

async function closePanel(page) {
	await page.click('[data-test-id="ndv-close-button"]');
	await page.waitForFunction(() => !document.querySelector('[data-test-id="ndv"] [data-test-id="node-parameters"]'), { timeout: WAIT_MS });
}

/**
 * Signs in, opens every example workflow, fails on a node n8n does not know, opens the panel of each
 * of the package's 8 nodes, and saves screenshots under .dev/e2e-screenshots.
 */
async function checkEditor(stack, { screenshotDir = path.join(repoRoot, '.dev', 'e2e-screenshots') } = {}) {
	fs.rmSync(screenshotDir, { recursive: true, force: true });
	fs.mkdirSync(screenshotDir, { recursive: true });
	const browser = await launch(path.join(stack.workDir, 'chromium-profile'));
	const opened = new Set();
	try {
		const page = await browser.newPage();
		// puppeteer's own defaults (30 s) are a quiet machine's: a loaded one can take longer to load the editor.
		page.setDefaultTimeout(WAIT_MS);
		page.setDefaultNavigationTimeout(WAIT_MS);
		await signIn(page, stack.url);
		log('editor: signed in');
		for (const workflow of stack.provisioned.workflows) {
			await openWorkflow(page, stack.url, workflow);
			const canvasText = await page.$eval('#app, body', (el) => el.innerText);
			assert.doesNotMatch(canvasText, UNKNOWN_NODE, `the canvas of "${workflow.name}" shows an unknown node`);
			await assertIcons(page, workflow.name);
			const slug = workflow.file.replace(/\.json$/, '');
			await page.screenshot({ path: path.join(screenshotDir, `workflow-${slug}.png`) });
			for (const node of workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`))) {
				const type = node.type.slice(PACKAGE.length + 1);
				if (opened.has(type)) continue;
				const panelText = await openPanel(page, node.name);
				assert.doesNotMatch(panelText, UNKNOWN_NODE, `the panel of "${node.name}" (${node.type}) shows it as unknown`);
				await page.screenshot({ path: path.join(screenshotDir, `panel-${type}.png`) });
				opened.add(type);
				await closePanel(page);
			}
		}
	} finally {
		await browser.close();
	}
	assert.deepEqual([...opened].sort(), [...NODE_TYPES].sort(), 'opened the panel of each of the 8 nodes');
	log(`editor: ${opened.size} node panels opened, screenshots in ${screenshotDir}`);
}

module.exports = { checkEditor, EDITOR_TIMEOUT_MS };
