// Fields and readers that several Leadway operations share: the contact picker, phones, emails, lists.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList } from '../../shared/lists';
import { toE164 } from '../../shared/phone';
import { describeValue, inputError, requireEmail, textValue } from '../../shared/validation';

/** Contact pages in HighLevel (and its white labels) end in /contacts/detail/<id>. */
export const CONTACT_URL_REGEX = 'https?://.+/contacts/detail/([a-zA-Z0-9]+)';

export function contactLocatorField(
	show: Record<string, string[]>,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contactId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The contact in the location of the credential',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search by name, email or phone…',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[a-zA-Z0-9]+$', errorMessage: 'A contact ID has only letters and digits' },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://app.leadconnectorhq.com/v2/location/…/contacts/detail/ve9EPM428h8vShlRW1KT',
				extractValue: { type: 'regex', regex: CONTACT_URL_REGEX },
				validation: [
					{
						type: 'regex',
						properties: { regex: CONTACT_URL_REGEX, errorMessage: 'Paste the address of a contact page (…/contacts/detail/<ID>)' },
					},
				],
			},
		],
		...overrides,
	};
}

/** The contact ID from the resource locator, whatever mode was used, ready for a path. */
export function readContactId(ctx: IExecuteFunctions, itemIndex: number, name = 'contactId'): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return readPickedId(ctx, itemIndex, value, 'Contact', 'Pick the contact from the list, or give its ID or the address of its page in Leadway.');
}

/** An ID picked from a list or written (contact, calendar): letters, digits, `_` and `-`, ready for a path. */
export function readPickedId(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string, hint: string): string {
	const id = textValue(ctx, itemIndex, label, value).trim();
	if (id === '' || !/^[a-zA-Z0-9_-]+$/.test(id)) {
		const noun = label.toLowerCase();
		throw inputError(ctx, itemIndex, label, id === '' ? `no ${noun} was chosen` : `"${id.slice(0, 40)}" is not a ${noun} ID`, hint);
	}
	return id;
}

/** A record ID typed into a plain string field, checked and ready for a path. */
export function readId(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const raw = textValue(ctx, itemIndex, label, ctx.getNodeParameter(name, itemIndex, '')).trim();
	if (raw === '') {
		throw inputError(ctx, itemIndex, label, 'it is empty', `Fill in "${label}".`);
	}
	return encodeURIComponent(raw);
}

export function requireLeadwayPhone(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string {
	const result = toE164(raw, { minForeignDigits: 8 });
	if (!result.ok) {
		const shown = describeValue(raw ?? '');
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${shown}" is not a valid phone number: ${result.reason}`,
			'Use a Brazilian number with area code (DDD), e.g. (11) 99999-9999 or +55 11 99999-9999, or a foreign number starting with + and its country code.',
		);
	}
	return result.value;
}

/** A switch's value, or a clear error when an expression gave something other than true or false. */
export function readBoolean(ctx: IExecuteFunctions, itemIndex: number, label: string, value: unknown): boolean {
	if (typeof value !== 'boolean') {
		throw inputError(ctx, itemIndex, label, 'it is not true or false', `Switch "${label}" on or off, or give an expression that is true or false.`);
	}
	return value;
}

export function requireEmailList(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string[] {
	return splitList(raw).map((entry) => requireEmail(ctx, itemIndex, field, entry));
}
