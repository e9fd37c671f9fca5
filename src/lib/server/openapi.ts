/**
 * The API's OpenAPI 3.1 description, served at /api/v1/openapi.json. Request bodies come from
 * the same zod schemas the forms and endpoints use (z.toJSONSchema), so the document cannot
 * drift from what the server accepts; fields a schema computes (dates with precision, ids) are
 * described by hand below.
 */
import { z } from 'zod';
import { organizationSchema } from '$lib/schemas/organization';
import { tieSchema } from '$lib/schemas/tie';
import { personSchema } from '$lib/schemas/person';
import { sourceSchema } from '$lib/schemas/source';
import { exchangeSchema } from '$lib/schemas/exchange';
import { agreementSchema } from '$lib/schemas/agreement';
import { followUpSchema } from '$lib/schemas/follow-up';
import { day, id, partial, paths, precision, type Json } from './openapi-paths';

/** Per entity: which fields are required, and fields a schema computes, described by hand. */
const entities: Record<
	string,
	{ schema: z.ZodType; required: string[]; fix?: Record<string, Json> }
> = {
	Partner: { schema: organizationSchema, required: ['nameKo', 'scope'] },
	Tie: {
		schema: tieSchema,
		required: ['organizationId', 'kind'],
		fix: { organizationId: id, date: partial, endedOn: day }
	},
	Person: {
		schema: personSchema,
		required: ['nameKo'],
		fix: { organizationId: { ...id, nullable: true } }
	},
	Source: {
		schema: sourceSchema,
		required: ['title'],
		fix: {
			publishedAt: { type: 'string', description: 'ISO 8601; without an offset it is Seoul time' },
			url: { type: 'string', format: 'uri' }
		}
	},
	Exchange: {
		schema: exchangeSchema,
		required: ['type', 'titleKo', 'date'],
		fix: {
			date: partial,
			dateEnd: { ...day, description: 'Last day of a multi-day event (day precision)' },
			datePrecision: precision
		}
	},
	Agreement: {
		schema: agreementSchema,
		required: ['kind', 'titleKo', 'status'],
		fix: {
			agreed: partial,
			due: partial,
			signed: partial,
			agreedPrecision: precision,
			duePrecision: precision,
			signedPrecision: precision
		}
	},
	FollowUp: { schema: followUpSchema, required: ['agreementId', 'action'], fix: { dueDate: day } }
};

function bodySchema(name: string): Json {
	const e = entities[name];
	const js = z.toJSONSchema(e.schema, { io: 'input', unrepresentable: 'any' }) as Json;
	delete js.$schema;
	const props = { ...(js.properties as Json) };
	for (const [k, v] of Object.entries(e.fix ?? {})) props[k] = v;
	return { ...js, properties: props, required: e.required };
}

const withVersion = (name: string): Json => ({
	allOf: [
		{ $ref: `#/components/schemas/${name}Input` },
		{
			type: 'object',
			required: ['version'],
			properties: {
				version: { type: 'integer', description: 'The version read; 409 when someone saved since' }
			}
		}
	],
	description: 'Only the fields given change; the rest keep their stored values.'
});

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

export function openApiDocument(serverUrl: string): Json {
	const schemas: Json = {
		Error: {
			type: 'object',
			properties: {
				error: {
					type: 'object',
					required: ['code', 'message'],
					properties: {
						code: { type: 'string' },
						message: { type: 'string' },
						fields: {
							type: 'object',
							additionalProperties: { type: 'string' },
							description: 'Field → message key'
						}
					}
				}
			}
		},
		Envelope: { type: 'object', properties: { data: {} } },
		ListEnvelope: {
			type: 'object',
			properties: {
				data: { type: 'array', items: {} },
				next: { type: ['string', 'null'] },
				prev: { type: ['string', 'null'] },
				page: { type: 'integer' },
				pageCount: { type: 'integer' },
				total: { type: 'integer' }
			},
			description:
				'Keyset collections give next/prev cursors; partners, people and sources give page numbers and a total.'
		}
	};
	for (const name of Object.keys(entities)) {
		schemas[`${name}Input`] = bodySchema(name);
		schemas[`${name}Patch`] = withVersion(name);
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Gyoryu API',
			version: '1',
			description:
				"Records of the province's exchanges with foreign and domestic governments. Authenticate with the session cookie or a personal token (`Authorization: Bearer gyr_…`, created on the profile page). Viewers read; editors and admins write. Confidential records are only visible to editors and admins. Errors are `{error:{code,message,fields}}` with 400/401/403/404/409/413/415."
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		security: [{ bearer: [] }, { cookie: [] }],
		paths: paths(),
		components: {
			schemas,
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
				cookie: { type: 'apiKey', in: 'cookie', name: 'gyoryu_session' }
			},
			responses: {
				E400: errorResponse('Not valid: `fields` names each field'),
				E401: errorResponse('Not signed in and no valid token'),
				E403: errorResponse('The role or token scope does not allow this'),
				E404: errorResponse('No such record (or not visible to the caller)'),
				E409: errorResponse('Someone saved the record since the given version; nothing was saved')
			}
		}
	};
}
