// Production merchant transfers need WeChat Pay APIv3 (商家转账到零钱), signed with the
// merchant's API certificate; wx-server-sdk has no call for it. Until those credentials and the
// signing client are configured, a transfer is refused loudly: the withdrawal moves to failed
// and the money goes back to the KOC's available balance (nothing is lost or paid twice).
import type { PayoutPort } from '../ports';

export function wxPayout(): PayoutPort {
  const refuse = (): never => {
    throw new Error('merchant transfer is not configured: set up WeChat Pay APIv3 (商家转账) credentials for the payout port');
  };
  return { transfer: async () => refuse(), query: async () => refuse() };
}
