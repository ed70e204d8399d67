// Draws the world as SVG paths by hand: the Natural Earth projection (as d3's geoNaturalEarth1) and a path per
// country, with a fill by visitors. Small enough that no map library is needed.

const RAD = Math.PI / 180;

/** Natural Earth I: longitude and latitude in degrees → unscaled plane coordinates (y grows northwards). */
export function naturalEarth(longitude, latitude) {
  const lambda = longitude * RAD;
  const phi = latitude * RAD;
  const phi2 = phi * phi;
  const phi4 = phi2 * phi2;
  return [
    lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
    phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))),
  ];
}

const [MAX_X] = naturalEarth(180, 0);
const [, MAX_Y] = naturalEarth(0, 90);

/**
 * A projection onto an SVG box `width` wide, all longitudes fitting; the box ends at latitude `south`, so that
 * the empty south of the map (without Antarctica) takes no room.
 */
export function projection(width, south = -90) {
  const scale = width / (2 * MAX_X);
  const height = Math.round((MAX_Y - naturalEarth(0, south)[1]) * scale);
  const project = ([longitude, latitude]) => {
    const [x, y] = naturalEarth(longitude, latitude);
    return [(x + MAX_X) * scale, (MAX_Y - y) * scale];
  };
  return { width, height, project };
}

/**
 * A closed ring. Shapes that cross the antimeridian (Russia, Fiji) jump from +180° to −180° within a ring; their
 * longitudes are carried on past ±180° instead, so no line runs across the whole map (the part beyond the edge is
 * clipped by the box).
 */
function ring(points, project) {
  let d = '';
  let offset = 0;
  for (let i = 0; i < points.length; i++) {
    if (i > 0) {
      const step = points[i][0] - points[i - 1][0];
      if (step < -180) offset += 360;
      else if (step > 180) offset -= 360;
    }
    const [x, y] = project([points[i][0] + offset, points[i][1]]);
    d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
  }
  return `${d}Z`;
}

/** The SVG path of a GeoJSON Polygon or MultiPolygon. */
export function pathOf(geometry, project) {
  if (!geometry) return '';
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon.map((points) => ring(points, project)).join('')).join('');
}

export const UNSHADED = '#e5e7ef';
const LIGHT = [199, 210, 254];
const DARK = [67, 56, 202];

/**
 * The fill of a country with `visitors` when the busiest has `max`: unshaded without visitors, else from light
 * to dark by the square root of the share, so that a few small countries stay visible beside a large one.
 */
export function shade(visitors, max) {
  if (!visitors || !max) return UNSHADED;
  const t = Math.sqrt(Math.min(1, visitors / max));
  const channel = (i) => Math.round(LIGHT[i] + (DARK[i] - LIGHT[i]) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}
