import { describe, expect, it } from 'vitest';
import { groupFields, isPermissionParam, isSgParam, PERMISSION_PARAMS, permissionFields, SG_PARAMS } from '../src/model.ts';

describe('model field objects', () => {
  it('a new fields object names every parameter, in the parameter lists\' order, all unset', () => {
    expect(Object.keys(groupFields())).toEqual([...SG_PARAMS]);
    expect(Object.keys(permissionFields())).toEqual([...PERMISSION_PARAMS]);
    expect(Object.values(groupFields()).every((v) => v === undefined)).toBe(true);
    expect(Object.values(permissionFields()).every((v) => v === undefined)).toBe(true);
  });

  it('parameter names are recognised exactly (case and inherited names included)', () => {
    expect(SG_PARAMS.every(isSgParam)).toBe(true);
    expect(PERMISSION_PARAMS.every(isPermissionParam)).toBe(true);
    expect(['regionid', 'Tag', 'Permissions', 'toString', '__proto__', ''].some(isSgParam)).toBe(false);
    expect(['ipprotocol', 'Direction', 'constructor', 'RegionId'].some(isPermissionParam)).toBe(false);
  });
});
