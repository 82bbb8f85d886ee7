// The checkout sheet's fulfilment choice as plain data, checked with the rules and messages of
// the contract's address schema (core/contracts/fulfilment.ts addressInput), so the errors the
// student sees are the server's, next to their fields. Written out here because zod's runtime
// must stay out of the weapp build (scripts/size-report.mjs); fulfilment-form.test.ts checks
// that this agrees with the schema.
import type { Address, FulfilmentInput } from '@core/contracts/fulfilment';

export type AddressErrors = Partial<Record<keyof Address, string>>;

const RULES: { key: keyof Address; max: number; empty: string; long: string }[] = [
  { key: 'building', max: 40, empty: '请填写楼栋', long: '楼栋最多 40 个字' },
  { key: 'room', max: 20, empty: '请填写房间号', long: '房间号最多 20 个字' },
  { key: 'name', max: 20, empty: '请填写收货人', long: '收货人最多 20 个字' },
];
/** Mainland mobile numbers, as the contract's PHONE_PATTERN. */
const PHONE = /^1\d{10}$/;

export function checkAddress(address: Address): { ok: true; value: Address } | { ok: false; errors: AddressErrors } {
  const value: Address = { building: address.building.trim(), room: address.room.trim(), name: address.name.trim(), phone: address.phone.trim() };
  const errors: AddressErrors = {};
  for (const r of RULES) {
    const v = value[r.key];
    if (v.length < 1) errors[r.key] = r.empty;
    else if (v.length > r.max) errors[r.key] = r.long;
  }
  if (!PHONE.test(value.phone)) errors.phone = '请填写 11 位手机号';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/** The choice as the contract wants it, or field errors (or a general one when nothing is chosen). */
export function fulfilmentOf(choice: string, address: Address): { ok: true; value: FulfilmentInput } | { ok: false; errors: AddressErrors; message?: string } {
  if (!choice) return { ok: false, errors: {}, message: '请选择取货方式' };
  if (choice !== 'delivery') return { ok: true, value: { type: 'pickup', pickupPointId: choice } };
  const checked = checkAddress(address);
  return checked.ok ? { ok: true, value: { type: 'delivery', address: checked.value } } : checked;
}
