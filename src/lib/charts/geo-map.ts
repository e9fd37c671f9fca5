/**
 * The world map's chart set-up: loaded only when the map scrolls into view, as its own chunk
 * (chartjs-chart-geo, d3-geo and the world-atlas shapes are most of the dashboard's weight).
 */
import { Chart } from 'chart.js';
import {
	ChoroplethController,
	ColorScale,
	GeoFeature,
	ProjectionScale,
	topojson
} from 'chartjs-chart-geo';
import type { Feature } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { ChartConfiguration } from 'chart.js';

Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale);

const ANTARCTICA = '010';

export interface MapInput {
	/** Partners per country, keyed by ISO numeric code (the shapes' ids). */
	counts: Map<string, number>;
	label: string;
}

export function mapConfig(input: MapInput): {
	config: ChartConfiguration<'choropleth'>;
	featureId: (index: number) => string | null;
} {
	const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
	const features = (
		topojson.feature(topo, topo.objects.countries) as unknown as { features: Feature[] }
	).features.filter((f) => String(f.id) !== ANTARCTICA);
	const config: ChartConfiguration<'choropleth'> = {
		type: 'choropleth',
		data: {
			labels: features.map((f) => String(f.properties?.name ?? f.id)),
			datasets: [
				{
					label: input.label,
					data: features.map((f) => ({
						feature: f,
						value: input.counts.get(String(f.id)) ?? Number.NaN
					})),
					borderColor: '#8a96a3',
					borderWidth: 0.4
				}
			]
		},
		options: {
			showOutline: false,
			showGraticule: false,
			plugins: { legend: { display: false } },
			scales: {
				projection: { axis: 'x', projection: 'equalEarth' },
				color: {
					axis: 'x',
					interpolate: 'blues',
					missing: '#f1f3f5',
					legend: { position: 'bottom-left', align: 'bottom' }
				}
			}
		}
	};
	return {
		config,
		featureId: (i) => (features[i]?.id !== undefined ? String(features[i].id) : null)
	};
}
