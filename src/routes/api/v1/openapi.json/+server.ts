import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { openApiDocument } from '$lib/server/openapi';

/** The API's description for signed-in users and token holders. */
export const GET: RequestHandler = (event) =>
	api(() => {
		apiUser(event, 'viewer');
		return json(openApiDocument(event.url.origin));
	});
