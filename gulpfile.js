// Copies node and credential icons (and codex JSON) next to the compiled JavaScript in dist/.
const path = require('path');
const { task, src, dest, series } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

task('build:icons', series(copyAssets));
