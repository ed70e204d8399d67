import { useMemo } from 'react';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';
import { alpha2Of, countryName } from '../lib/countries.js';
import { formatNumber } from '../lib/format.js';
import { pathOf, projection, shade } from '../lib/worldMap.js';

const WIDTH = 960;
// Antarctica takes a fifth of the picture and has no visitors to speak of; the map ends south of Cape Horn.
const LEFT_OUT = new Set(['AQ']);
const SOUTH = -58;

/** The atlas' countries as SVG paths, computed once: the shapes never change, only their fills. */
function useShapes() {
  return useMemo(() => {
    const { height, project } = projection(WIDTH, SOUTH);
    const countries = feature(atlas, atlas.objects.countries).features
      .map((shape) => ({ code: alpha2Of(shape), name: shape.properties?.name, d: pathOf(shape.geometry, project) }))
      .filter((shape) => !LEFT_OUT.has(shape.code));
    return { height, countries };
  }, []);
}

/**
 * A choropleth of visitors by country. Loaded on its own (React.lazy), so the atlas is downloaded only when a
 * dashboard shows it. Choosing a shaded country filters by it, like a row of the list.
 */
export default function WorldMap({ rows, onSelect, activeValue }) {
  const { height, countries } = useShapes();
  const visitors = new Map(rows.map((row) => [row.value, row.visitors ?? 0]));
  const max = Math.max(0, ...visitors.values());

  return (
    <svg
      className="world-map"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label="Visitors by country"
      data-testid="world-map"
    >
      {countries.map((country, index) => {
        const count = country.code ? visitors.get(country.code) ?? 0 : 0;
        const name = country.code ? countryName(country.code) : country.name;
        return (
          <path
            key={country.code ?? `shape-${index}`}
            d={country.d}
            fill={shade(count, max)}
            data-country={country.code ?? undefined}
            className={country.code && country.code === activeValue ? 'map-country active' : 'map-country'}
            onClick={count > 0 ? () => onSelect({ dimension: 'country', value: country.code }) : undefined}
          >
            <title>{count > 0 ? `${name}: ${formatNumber(count)} visitors` : name}</title>
          </path>
        );
      })}
    </svg>
  );
}
