import { describe, expect, it } from 'vitest';
import { tileLayerFrom } from './tiles';

describe('tileLayerFrom', () => {
  it('is off unless a deployment sets a tile URL', () => {
    expect(tileLayerFrom({})).toBeUndefined();
    expect(tileLayerFrom({ PUBLIC_MAP_TILE_URL: '  ' })).toBeUndefined();
  });

  it('takes an https template with {z}/{x}/{y} and its attribution', () => {
    expect(
      tileLayerFrom({ PUBLIC_MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', PUBLIC_MAP_TILE_ATTRIBUTION: '© Example' }),
    ).toEqual({ url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example' });
  });

  it('refuses a plain-http or incomplete template, and tiles without a credit', () => {
    expect(() => tileLayerFrom({ PUBLIC_MAP_TILE_URL: 'http://tiles.example.org/{z}/{x}/{y}.png', PUBLIC_MAP_TILE_ATTRIBUTION: 'x' })).toThrow(
      /PUBLIC_MAP_TILE_URL: expected an https URL template/,
    );
    expect(() => tileLayerFrom({ PUBLIC_MAP_TILE_URL: 'https://tiles.example.org/{z}.png', PUBLIC_MAP_TILE_ATTRIBUTION: 'x' })).toThrow(/\{x\}/);
    expect(() => tileLayerFrom({ PUBLIC_MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(/PUBLIC_MAP_TILE_ATTRIBUTION/);
  });
});
