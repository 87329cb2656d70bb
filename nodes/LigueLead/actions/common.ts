// What the LigueLead operations share: recipients, callback URLs, ID readers, and the
// "send to many in one campaign" executor used by the SMS and voice sends.
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stableStringify } from '../../shared/idempotency';
import { chunkRecipients, packRecipients } from '../../shared/recipientBatch';
import type { RecipientEntry } from '../../shared/recipientBatch';
import type { BatchItemResult } from '../../shared/router';
import { readConcurrency, runPool } from '../../shared/scheduler';
import { checkCount, checkUrl, inputError, requirePhoneList, textValue } from '../../shared/validation';
import { ligueLead, ligueLeadRequest, unwrapData } from '../transport';

/** Documented per-request recipient limit (LigueLead API limits). */
export const MAX_PHONES_PER_REQUEST = 10_000;
/** Longest per-send status URL the vendor accepts. */
export const MAX_WEBHOOK_URL_LENGTH = 512;

export function phonesField(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Phones',
		name: 'phones',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 11999999999, (21) 98888-8888',
		description:
			'One Brazilian number, a list (array expression), or numbers separated by commas or new lines, in any format (with or without +55, DDD in brackets, dashes…). At most 10,000 per request.',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	};
}

/**
 * The item's phones in LigueLead's recommended national form (DDD + number), duplicates removed.
 * Landlines are refused where the channel cannot reach them (SMS, RCS). 9 digits after the DDD
 * that do not start with 9 are let through, as LigueLead accepts them (its docs use 11888888888).
 */
export function readPhones(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: { allowLandlines: boolean },
): string[] {
	const phones = requirePhoneList(ctx, itemIndex, 'Phones', ctx.getNodeParameter('phones', itemIndex), 'national', {
		mobileOnly: !options.allowLandlines,
		unique: true,
		allowAnyNineDigits: true,
	});
	checkCount(ctx, itemIndex, 'Phones', phones.length, 1, MAX_PHONES_PER_REQUEST);
	return phones;
}

/** The per-send status callback: a public http(s) URL, at most 512 characters, no "_" in the host. */
export function readWebhookUrl(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string | undefined {
	const text = textValue(ctx, itemIndex, field, value).trim();
	if (text === '') return undefined;
	const url = checkUrl(ctx, itemIndex, field, text);
	if (url.length > MAX_WEBHOOK_URL_LENGTH) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`it has ${url.length} characters, more than the ${MAX_WEBHOOK_URL_LENGTH} LigueLead accepts`,
			'Use a shorter URL.',
		);
	}
	if (new URL(url).hostname.includes('_')) {
		throw inputError(ctx, itemIndex, field, 'its host name contains "_"', 'LigueLead rejects host names with underscores; use a host name without "_".');
	}
	return url;
}

export function readOptionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

/** A path segment from an ID field (resource locator or plain string); empty is an input error. */
export function readId(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const raw = textValue(ctx, itemIndex, label, value).trim();
	if (raw === '') {
		throw inputError(ctx, itemIndex, label, 'it is empty', `Fill in "${label}".`);
	}
	return raw;
}

/** One campaign as an item asks for it: the body without phones, the phones, and whether it may share. */
export interface CampaignRequest {
	body: IDataObject;
	phones: string[];
	sendToMany: boolean;
}

export interface CampaignSent {
	/** The provider's `data` (campaign_id, accepted_at) plus its `message`. */
	response: IDataObject;
	/** Recipients in the request the item went out in (more than its own when shared). */
	campaignRecipients: number;
	/** Items whose phones went out in the same request. */
	campaignItems: number;
}

interface Unit {
	position: number;
	itemIndexes: number[];
	body: IDataObject;
}

/**
 * Sends campaigns for all items of a send operation. Items with "send to many" and the same body
 * (everything but the phones) share requests, packed up to 10,000 phones each; other items get
 * one request each. Every input is checked before the first request, and without Continue On
 * Fail a bad item stops the run before anything is sent. Requests start in input order of their
 * first item, several at once ("Max Concurrent Requests"); after a failed request no new one
 * starts unless Continue On Fail (those already on their way finish).
 */
export async function sendCampaigns(
	ctx: IExecuteFunctions,
	itemIndexes: number[],
	path: string,
	build: (itemIndex: number) => CampaignRequest,
	shape: (itemIndex: number, request: CampaignRequest, sent: CampaignSent) => IDataObject,
): Promise<BatchItemResult[]> {
	const results = new Map<number, BatchItemResult>();
	const requests = new Map<number, CampaignRequest>();
	for (const itemIndex of itemIndexes) {
		try {
			requests.set(itemIndex, build(itemIndex));
		} catch (error) {
			const failure =
				error instanceof NodeOperationError ? error : new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			// Without Continue On Fail, bad input stops everything before the first request.
			if (!ctx.continueOnFail()) throw failure;
			results.set(itemIndex, failure);
		}
	}

	const units: Unit[] = [];
	const groups = new Map<string, RecipientEntry[]>();
	const groupBodies = new Map<string, IDataObject>();
	for (const [itemIndex, request] of requests) {
		if (!request.sendToMany) {
			units.push({ position: itemIndex, itemIndexes: [itemIndex], body: { ...request.body, phones: request.phones } });
			continue;
		}
		const key = stableStringify(request.body);
		if (!groups.has(key)) {
			groups.set(key, []);
			groupBodies.set(key, request.body);
		}
		groups.get(key)?.push({ itemIndex, recipients: request.phones });
	}
	for (const [key, entries] of groups) {
		for (const chunk of packRecipients(entries, MAX_PHONES_PER_REQUEST)) {
			units.push({
				position: chunk[0].itemIndex,
				itemIndexes: chunk.map((entry) => entry.itemIndex),
				body: { ...groupBodies.get(key), phones: chunkRecipients(chunk) },
			});
		}
	}
	units.sort((a, b) => a.position - b.position);

	// Campaign requests go out side by side like the router's items ("Max Concurrent Requests"),
	// paced by the shared HTTP layer; after a failed request no new one starts unless Continue On Fail.
	const sendUnit = async (position: number): Promise<CampaignSent> => {
		const unit = units[position];
		const body = await ligueLeadRequest<IDataObject>(ctx, 'POST', path, { body: unit.body, itemIndex: unit.position });
		const response: IDataObject = { ...unwrapData(body) };
		if (typeof body?.message === 'string') response.message = body.message;
		return { response, campaignRecipients: (unit.body.phones as string[]).length, campaignItems: unit.itemIndexes.length };
	};
	const concurrency = readConcurrency(ctx, ligueLead.pace.maxConcurrent);
	const outcomes = await runPool(units.length, concurrency, sendUnit, !ctx.continueOnFail());
	units.forEach((unit, position) => {
		const outcome = outcomes[position];
		for (const itemIndex of unit.itemIndexes) {
			if (outcome === undefined) {
				results.set(
					itemIndex,
					new NodeOperationError(ctx.getNode(), `Not sent because an earlier request failed [item ${itemIndex}]`, {
						itemIndex,
						description: 'Nothing went out for this item. Fix the failed item and run the node again.',
					}),
				);
			} else if (outcome.ok) {
				results.set(itemIndex, shape(itemIndex, requests.get(itemIndex) as CampaignRequest, outcome.value));
			} else {
				results.set(itemIndex, outcome.error as Error);
			}
		}
	});
	return itemIndexes.map(
		(itemIndex) =>
			results.get(itemIndex) ??
			new NodeOperationError(ctx.getNode(), `No result for this item [item ${itemIndex}]`, { itemIndex, description: 'Run the node again.' }),
	);
}

export const sendToManyOption: INodeProperties = {
	displayName: 'Send to Many in One Campaign',
	name: 'sendToMany',
	type: 'boolean',
	default: false,
	description:
		'Whether to gather the phones of all input items that have the same message and settings into as few requests as possible (up to 10,000 phones each) instead of one request per item. Each item still reports the campaign it went into.',
};
