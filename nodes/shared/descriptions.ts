// Fields that read the same on every provider's node.
import type { INodeProperties } from 'n8n-workflow';

import type { Pace } from './limiter';
import { MAX_CONCURRENT_LIMIT } from './requestOptions';

/**
 * Pacing, concurrency and rate-limit behaviour, read by the router and the shared HTTP layer. The
 * defaults are the provider's: its documented rate and how many items the node works on at once.
 */
export function requestOptionsField({ maxConcurrent, requestsPerMinute }: Pace): INodeProperties {
	return {
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrentRequests',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENT_LIMIT },
				default: maxConcurrent,
				description:
					'How many items the node works on at once; the output keeps the input order. When an item fails, no new one starts, but those already on their way still go out. Set 1 to send strictly one item after another.',
			},
			{
				displayName: 'Max Requests per Minute',
				name: 'maxRequestsPerMinute',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: requestsPerMinute,
				description:
					"The most requests started per minute with this credential, shared by every execution running at the same time in this n8n process (each queue-mode worker keeps its own count). The default is the provider's documented limit; lower it when other tools or workers use the same account.",
			},
			{
				displayName: 'Max Wait on Rate Limit (Seconds)',
				name: 'maxRateLimitWait',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 900 },
				default: 60,
				description:
					'The longest the node waits in total for one request when the provider says "too many requests". Past this the item fails with a rate-limit error.',
			},
			{
				displayName: 'Request Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: 60,
				description:
					'The longest the node waits for the provider to answer one request. A send that times out may still have gone out, so it is reported as "outcome unknown" and never sent again automatically (not even by Retry On Fail).',
			},
			{
				displayName: 'Retry on Rate Limit',
				name: 'retryOnRateLimit',
				type: 'boolean',
				default: true,
				description:
					'Whether to wait the time the provider asks for (Retry-After) and try again when it answers 429 "too many requests". Safe for sends: a 429 means nothing was sent.',
			},
		],
	};
}

export function returnAllFields(
	show: { resource: string[]; operation: string[] },
	maxLimit: number,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1, maxValue: maxLimit },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}
