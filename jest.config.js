// n8n-core logs every node error to the console; tests assert errors themselves.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
// n8n-core signs resume links (Send and Wait) with this secret; test/harness builds the expected links with it.
process.env.N8N_HMAC_SIGNATURE_SECRET = 'test-resume-signing-secret';

/** Jest runs the TypeScript tests under test/ through ts-jest; n8n-core needs Node 24 (see package.json). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
	testTimeout: 30000,
};
