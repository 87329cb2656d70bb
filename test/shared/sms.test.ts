import { ligueLeadSmsCredits, smsEncoding, smsSize } from '../../nodes/shared/sms';

describe('smsSize', () => {
	it('keeps plain text in GSM-7 with 160 characters in one part', () => {
		expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, parts: 1, nonGsmCharacters: [] });
		expect(smsSize('a'.repeat(161)).parts).toBe(2);
		expect(smsSize('a'.repeat(306)).parts).toBe(2);
		expect(smsSize('a'.repeat(307)).parts).toBe(3);
	});

	it('counts extension characters such as € twice', () => {
		expect(smsSize('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', parts: 1 });
		expect(smsSize('€'.repeat(81)).parts).toBe(2);
	});

	it('switches to UCS-2 for Portuguese accents that GSM-7 lacks, and names them', () => {
		const size = smsSize('Promoção válida até amanhã');
		expect(size.encoding).toBe('UCS-2');
		expect(size.nonGsmCharacters).toEqual(['ç', 'ã', 'á']);
		expect(smsSize('ã'.repeat(70)).parts).toBe(1);
		expect(smsSize('ã'.repeat(71)).parts).toBe(2);
	});

	it('keeps é and à, which GSM-7 has', () => {
		expect(smsEncoding('café à vista')).toBe('GSM-7');
	});

	it('gives zero parts for an empty message', () => {
		expect(smsSize('').parts).toBe(0);
	});
});

describe('ligueLeadSmsCredits', () => {
	it('charges 1 credit up to 160 characters and 1 more per started 152', () => {
		expect(ligueLeadSmsCredits('')).toBe(0);
		expect(ligueLeadSmsCredits('a'.repeat(160))).toBe(1);
		expect(ligueLeadSmsCredits('a'.repeat(161))).toBe(2);
		expect(ligueLeadSmsCredits('a'.repeat(312))).toBe(2);
		expect(ligueLeadSmsCredits('a'.repeat(313))).toBe(3);
		expect(ligueLeadSmsCredits('a'.repeat(1600))).toBe(11);
	});
});
