// The words the node itself puts in front of a lead (or an approver) in Send and Wait: the label
// before the link and every text of the response page. One table, keyed by language; providers never
// carry their own copies. English is exactly what version 1 of the nodes always sent.
import type { INodeProperties } from 'n8n-workflow';

export type LeadLanguage = 'en' | 'pt-BR';

export interface LeadTexts {
	/** `lang` of the page. */
	htmlLang: string;
	/** Before the link in chats and email text: "<label>: <link>". */
	linkLabel: string;
	/** The button with the link in an email. */
	emailButton: string;
	/** Tab title and heading of the page that asks (Approval; Free Text without a form title). */
	pageTitle: string;
	approve: string;
	decline: string;
	submit: string;
	/** Label of the Free Text field. */
	responseLabel: string;
	/** Free Text posted blank. */
	emptyResponse: string;
	/** An answer that is not one of the buttons. */
	notAChoice: string;
	/** A request that is neither GET nor POST. */
	useButtons: string;
	/** The page after answering. */
	recordedTitle: string;
	recordedHeading: string;
	recordedText: string;
	/** The page when the answer could not be read. */
	unreadableTitle: string;
	unreadableHeading: string;
	unreadableText: string;
}

/**
 * Portuguese is natural Brazilian Portuguese for a lead, not a translation of the English word for
 * word. Nothing here goes into an SMS (the SMS carries the bare link), so accents cost no SMS parts.
 */
export const LEAD_TEXTS: Record<LeadLanguage, LeadTexts> = {
	en: {
		htmlLang: 'en',
		linkLabel: 'Respond',
		emailButton: 'Respond',
		pageTitle: 'Response requested',
		approve: 'Approve',
		decline: 'Decline',
		submit: 'Submit',
		responseLabel: 'Response',
		emptyResponse: 'Write a response before sending.',
		notAChoice: 'That answer is not one of the choices. Use a button below.',
		useButtons: 'Use the buttons on this page.',
		recordedTitle: 'Response recorded',
		recordedHeading: 'Got it, thanks',
		recordedText: 'Your response was recorded. This page can be closed now.',
		unreadableTitle: 'Response not recorded',
		unreadableHeading: 'That did not work',
		unreadableText:
			'Your response could not be read, so nothing was recorded. Open the link from the message again and use the buttons.',
	},
	'pt-BR': {
		htmlLang: 'pt-BR',
		linkLabel: 'Responda',
		emailButton: 'Responder',
		pageTitle: 'Aguardamos sua resposta',
		approve: 'Aprovar',
		decline: 'Recusar',
		submit: 'Enviar',
		responseLabel: 'Sua resposta',
		emptyResponse: 'Escreva uma resposta antes de enviar.',
		notAChoice: 'Essa resposta não é uma das opções. Use um dos botões abaixo.',
		useButtons: 'Use os botões desta página.',
		recordedTitle: 'Resposta enviada',
		recordedHeading: 'Resposta enviada. Obrigado!',
		recordedText: 'Sua resposta foi registrada. Você já pode fechar esta página.',
		unreadableTitle: 'Resposta não registrada',
		unreadableHeading: 'Algo deu errado',
		unreadableText:
			'Não conseguimos ler sua resposta, então nada foi registrado. Abra de novo o link da mensagem e use os botões.',
	},
};

/** Nodes before version 1.1 speak English; from 1.1 a new node speaks Portuguese unless told otherwise. */
export function defaultLeadLanguage(typeVersion: number): LeadLanguage {
	return typeVersion < 1.1 ? 'en' : 'pt-BR';
}

/** Whether a value names a language of the table (own keys only: "constructor" is not a language). */
export function isLeadLanguage(language: unknown): language is LeadLanguage {
	return typeof language === 'string' && Object.prototype.hasOwnProperty.call(LEAD_TEXTS, language);
}

/** Unknown values (an expression gone wrong) fall back to the version's language rather than failing the lead's page. */
export function leadTexts(language: unknown, typeVersion: number): LeadTexts {
	return isLeadLanguage(language) ? LEAD_TEXTS[language] : LEAD_TEXTS[defaultLeadLanguage(typeVersion)];
}

const LANGUAGE_FIELD: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	options: [
		{ name: 'English', value: 'en' },
		{ name: 'Português (Brasil)', value: 'pt-BR' },
	],
	default: 'pt-BR',
	description:
		'Language of the words the node adds around your message: the label before the link, the response page, its buttons and messages. Your message is sent as written. Each text can be replaced under Options.',
};

/**
 * The Language field, twice: version 1 nodes default to English (what they always sent), newer
 * ones to Portuguese. n8n shows the one matching the node's version, as its own Wait node does.
 */
export function languageFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{ ...LANGUAGE_FIELD, default: 'en', displayOptions: { show: { ...show, '@version': [1] } } },
		{ ...LANGUAGE_FIELD, displayOptions: { show, hide: { '@version': [1] } } },
	];
}
