import { describe, expect, test } from 'vitest';
import { UNSHADED, naturalEarth, pathOf, projection, shade } from './worldMap.js';

describe('projection', () => {
  test('puts the origin in the middle and the edges of the world at the edges of the box', () => {
    const { width, height, project } = projection(960);
    const [cx, cy] = project([0, 0]);
    expect(cx).toBeCloseTo(480, 5);
    expect(cy).toBeCloseTo(height / 2, 0);
    expect(project([-180, 0])[0]).toBeCloseTo(0, 5);
    expect(project([180, 0])[0]).toBeCloseTo(width, 5);
    expect(project([0, 90])[1]).toBeCloseTo(0, 5);
  });

  test('keeps north up and east right', () => {
    const { project } = projection(960);
    const london = project([0, 51.5]);
    const sydney = project([151, -34]);
    expect(london[1]).toBeLessThan(sydney[1]);
    expect(sydney[0]).toBeGreaterThan(london[0]);
  });

  test('matches the Natural Earth formula worked out by hand at 90° E, 45° N', () => {
    const [x, y] = naturalEarth(90, 45);
    expect(x).toBeCloseTo(1.232, 3);
    expect(y).toBeCloseTo(0.7931, 3);
  });
});

describe('pathOf', () => {
  const project = ([x, y]) => [x, -y];

  test('draws each ring of a polygon as a closed path', () => {
    const square = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 0]]] };
    expect(pathOf(square, project)).toBe('M0.0,0.0L10.0,0.0L10.0,-10.0L0.0,0.0Z');
  });

  test('carries a ring across the antimeridian on instead of back across the whole map', () => {
    const { project } = projection(960);
    const crossing = { type: 'Polygon', coordinates: [[[175, 60], [180, 62], [-175, 64], [-178, 66], [175, 60]]] };
    const xs = pathOf(crossing, project).match(/[ML][\d.-]+/g).map((point) => Number(point.slice(1)));
    for (let i = 1; i < xs.length; i++) expect(Math.abs(xs[i] - xs[i - 1])).toBeLessThan(100);
  });

  test('ends the box at the southern latitude asked for', () => {
    const whole = projection(960);
    const cropped = projection(960, -60);
    expect(cropped.height).toBeLessThan(whole.height);
    expect(cropped.project([0, -60])[1]).toBeCloseTo(cropped.height, 0);
  });

  test('draws every polygon of a multipolygon', () => {
    const islands = {
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1, 0], [0, 0]]], [[[5, 5], [6, 5], [5, 5]]]],
    };
    expect(pathOf(islands, project).match(/M/g)).toHaveLength(2);
    expect(pathOf(null, project)).toBe('');
  });
});

describe('shade', () => {
  test('leaves countries without visitors unshaded', () => {
    expect(shade(0, 10)).toBe(UNSHADED);
    expect(shade(undefined, 10)).toBe(UNSHADED);
    expect(shade(5, 0)).toBe(UNSHADED);
  });

  test('darkens with the share of the busiest country', () => {
    const light = shade(1, 100);
    const dark = shade(100, 100);
    expect(light).not.toBe(UNSHADED);
    expect(dark).toBe('rgb(67, 56, 202)');
    const red = (rgb) => Number(rgb.match(/\d+/)[0]);
    expect(red(light)).toBeGreaterThan(red(shade(50, 100)));
  });
});
