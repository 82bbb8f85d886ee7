// H5 + local cloud: a browser with no demo user goes to the sign-in page before the router
// renders anything, so no page starts loading and then gets replaced halfway (and the link
// that brought the visitor, a share card say, is kept to come back to).
import { currentRoute, hasIdentity, signInPage } from '../api/transport';

export function goToSignInFirst(): void {
  if (hasIdentity() || !signInPage) return;
  if (window.location.hash.startsWith(`#${signInPage}`)) return;
  // Moments single-page mode has no identity by design: it must not be sent to sign in.
  if (/[?&]wxscene=1154\b/.test(window.location.hash)) return;
  // Checking a KOC certificate's code is public: anyone with the code may verify it.
  if (window.location.hash.startsWith('#/packages/koc/verify/')) return;
  const back = currentRoute();
  window.location.replace(`#${signInPage}${back ? `?back=${encodeURIComponent(back)}` : ''}`);
}
