/** The paths of the OpenAPI description (see openapi.ts), one line of summary each. */
import { partnerSorts } from '$lib/partner-filter';
import { exchangeStatuses, exchangeTypes, fields, modes, scopes, tieKinds } from '$lib/vocab';

export type Json = Record<string, unknown>;
export const partial = {
	type: 'string',
	description: 'A date with its precision: 2020, 2020-11 or 2020-11-04'
};
export const day = { type: 'string', format: 'date' };
export const id = { type: 'integer', minimum: 1 };
export const precision = {
	type: 'string',
	enum: ['day', 'month', 'year'],
	description: 'Optional; must agree with the value'
};

const q = (name: string, description: string, schema: Json = { type: 'string' }) => ({
	name,
	in: 'query',
	description,
	schema
});
const list = (...values: readonly string[]) => `Comma-separated: ${values.join(', ')}`;
const ok = (description: string, list = false) => ({
	description,
	content: {
		'application/json': {
			schema: { $ref: list ? '#/components/schemas/ListEnvelope' : '#/components/schemas/Envelope' }
		}
	}
});
const errors = (...codes: number[]) =>
	Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const body = (ref: string) => ({
	required: true,
	content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } }
});
const pathId = { name: 'id', in: 'path', required: true, schema: id };

/** GET list + POST, and GET/PATCH/DELETE one, for a record collection. */
function collection(
	tag: string,
	name: string,
	path: string,
	listParams: Json[],
	listDescription: string
): Json {
	return {
		[path]: {
			get: {
				tags: [tag],
				summary: listDescription,
				parameters: listParams,
				responses: { 200: ok('A page of records', true), ...errors(400, 401, 403) }
			},
			post: {
				tags: [tag],
				summary: `Create a ${tag.toLowerCase()} record`,
				requestBody: body(`${name}Input`),
				responses: { 201: ok('Created (Location header names it)'), ...errors(400, 401, 403) }
			}
		},
		[`${path}/{id}`]: {
			parameters: [pathId],
			get: {
				tags: [tag],
				summary: 'One record',
				responses: { 200: ok('The record'), ...errors(401, 403, 404) }
			},
			patch: {
				tags: [tag],
				summary: 'Change some fields',
				requestBody: body(`${name}Patch`),
				responses: { 200: ok('The saved record'), ...errors(400, 401, 403, 404, 409) }
			},
			delete: {
				tags: [tag],
				summary: 'Move to the trash (restorable)',
				responses: { 200: ok('{ id, deleted: true }'), ...errors(401, 403, 404) }
			}
		}
	};
}

const keyset = [
	q('sort', 'Sort order'),
	q('after', 'Cursor of the next page (from `next`)'),
	q('before', 'Cursor of the previous page (from `prev`)'),
	q('limit', 'Rows per page', { type: 'integer', maximum: 200 })
];
const paged = [q('page', 'Page number', { type: 'integer', minimum: 1 })];

export function paths(): Json {
	return {
		...collection(
			'Partners',
			'Partner',
			'/partners',
			[
				q('q', 'Any name or alias, any script (산동성 finds 산둥성)'),
				q('country', 'ISO codes, or INTL'),
				q('scope', list(...scopes)),
				q('tie', list(...tieKinds, 'none')),
				q('sort', 'Order', { type: 'string', enum: partnerSorts }),
				...paged
			],
			'Partners'
		),
		'/partners/suggest': {
			get: {
				tags: ['Partners'],
				summary: 'Typeahead over names and aliases (any length)',
				parameters: [
					q('q', 'Typed text', { type: 'string' }),
					q('limit', 'At most 50', { type: 'integer' })
				],
				responses: { 200: ok('Matches, prefix first', true), ...errors(401) }
			}
		},
		'/partners/{id}/merge': {
			parameters: [pathId],
			post: {
				tags: ['Partners'],
				summary: 'Merge the duplicate `mergeId` into this partner',
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: { type: 'object', required: ['mergeId'], properties: { mergeId: id } }
						}
					}
				},
				responses: {
					200: ok('The kept partner with counts of moved links'),
					...errors(400, 401, 403, 404)
				}
			}
		},
		...collection(
			'Ties',
			'Tie',
			'/ties',
			[{ ...q('partner', 'Partner id', id), required: true }],
			"A partner's ties, oldest first"
		),
		...collection(
			'Exchanges',
			'Exchange',
			'/exchanges',
			[
				q('from', 'First day', day),
				q('to', 'Last day', day),
				q('type', list(...exchangeTypes)),
				q('status', list(...exchangeStatuses)),
				q('mode', list(...modes)),
				q('field', list(...fields)),
				q('partner', 'Partner ids, or none'),
				q('country', 'ISO codes of partners, or INTL'),
				q('scope', list(...scopes)),
				q('precision', list('day', 'month', 'year')),
				q('department', 'Department'),
				q('q', 'Text (3+ characters: full text)'),
				...keyset
			],
			'Exchanges, filtered like the list (keyset pages)'
		),
		...collection(
			'Agreements',
			'Agreement',
			'/agreements',
			[
				q('status', 'Statuses'),
				q('kind', 'Kinds'),
				q('partner', 'Partner ids'),
				q('dueFrom', 'Due from', day),
				q('dueTo', 'Due to', day),
				q('open', '1: open only'),
				q('overdue', '1: overdue only'),
				q('exchange', 'Exchange id', id),
				q('q', 'Text'),
				...keyset
			],
			'Agreements and commitments'
		),
		...collection(
			'Follow-ups',
			'FollowUp',
			'/follow-ups',
			[
				q('agreement', 'Agreement id', id),
				q('open', '1: open only'),
				q('overdue', '1: overdue only'),
				...keyset.slice(1)
			],
			'Follow-ups, soonest due first'
		),
		...collection(
			'People',
			'Person',
			'/people',
			[q('q', 'Name or title'), q('organization', 'Partner id', id), ...paged],
			'People'
		),
		...collection(
			'Sources',
			'Source',
			'/sources',
			[q('q', 'Title, publisher, URL; 3+ characters also the text'), ...paged],
			'Sources, newest first'
		),
		'/search': {
			get: {
				tags: ['Search'],
				summary: 'One search over everything the caller may see',
				description:
					'Three characters or more use the trigram full-text index; shorter queries (산둥) match partner and people names and aliases.',
				parameters: [
					{ ...q('q', 'Query'), required: true },
					q('type', list('exchange', 'organization', 'agreement', 'source', 'person')),
					q('limit', 'Hits per type (≤ 100)', { type: 'integer' })
				],
				responses: { 200: ok('{ q, mode, groups: [{ type, hits }] }'), ...errors(401) }
			}
		},
		'/{entity}/{id}/attachments': {
			parameters: [
				{
					name: 'entity',
					in: 'path',
					required: true,
					schema: {
						type: 'string',
						enum: ['partners', 'ties', 'exchanges', 'agreements', 'follow-ups', 'people', 'sources']
					}
				},
				pathId
			],
			get: {
				tags: ['Attachments'],
				summary: "A record's files",
				responses: { 200: ok('Files', true), ...errors(401, 404) }
			}
		},
		'/{entity}/{id}/attachments/{filename}': {
			parameters: [
				{ name: 'entity', in: 'path', required: true, schema: { type: 'string' } },
				pathId,
				{
					name: 'filename',
					in: 'path',
					required: true,
					schema: { type: 'string' },
					description:
						'File name with extension (.pdf, .png, .jpg, .gif, .webp, .docx, .xlsx, .hwp, .hwpx)'
				}
			],
			put: {
				tags: ['Attachments'],
				summary: 'Upload a file as the raw body (≤ 20 MB) with its own Content-Type',
				requestBody: {
					required: true,
					content: { 'application/pdf': {}, 'image/*': {}, 'application/octet-stream': {} }
				},
				responses: {
					201: ok('The stored file (SHA-256, size, type)'),
					...errors(400, 401, 403, 404),
					413: { description: 'Over 20 MB' },
					415: { description: 'Not an accepted format, or a form body' }
				}
			}
		},
		'/attachments/{id}': {
			parameters: [pathId],
			get: {
				tags: ['Attachments'],
				summary: 'Download the file',
				responses: { 200: { description: 'The file' }, ...errors(401, 404) }
			},
			delete: {
				tags: ['Attachments'],
				summary: 'Move the file to the trash',
				responses: { 200: ok('{ id, deleted: true }'), ...errors(401, 403, 404) }
			}
		},
		'/stats': {
			get: {
				tags: ['Dashboard'],
				summary: "The dashboard's figures and chart series, for the dashboard's query parameters",
				responses: { 200: { description: 'Figures and series' }, ...errors(401) }
			}
		}
	};
}
