// The checkout sheet's fulfilment choice as plain data, checked with the contract's own schema
// so the errors the student sees are the server's messages, next to the field they belong to.
import { type Address, addressInput, type FulfilmentInput } from '@core/contracts/fulfilment';

export type AddressErrors = Partial<Record<keyof Address, string>>;

export function checkAddress(address: Address): { ok: true; value: Address } | { ok: false; errors: AddressErrors } {
  const res = addressInput.safeParse(address);
  if (res.success) return { ok: true, value: res.data };
  const errors: AddressErrors = {};
  for (const issue of res.error.issues) {
    const key = issue.path[0] as keyof Address | undefined;
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return { ok: false, errors };
}

/** The choice as the contract wants it, or field errors (or a general one when nothing is chosen). */
export function fulfilmentOf(choice: string, address: Address): { ok: true; value: FulfilmentInput } | { ok: false; errors: AddressErrors; message?: string } {
  if (!choice) return { ok: false, errors: {}, message: '请选择取货方式' };
  if (choice !== 'delivery') return { ok: true, value: { type: 'pickup', pickupPointId: choice } };
  const checked = checkAddress(address);
  return checked.ok ? { ok: true, value: { type: 'delivery', address: checked.value } } : checked;
}
