// The harness and the nodes are TypeScript: the bench processes load them through a transpile-only
// require hook (installed once per process by requiring this file).
'use strict';
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
		fileName: filename,
	});
	module._compile(outputText, filename);
};
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
